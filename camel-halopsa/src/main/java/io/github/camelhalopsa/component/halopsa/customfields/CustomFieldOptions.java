package io.github.camelhalopsa.component.halopsa.customfields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.records.RecordIds;

/** Reads and checks the custom field options and headers. */
public final class CustomFieldOptions {

    private CustomFieldOptions() {
    }

    /**
     * The keys of a customFields option or header: a comma separated String, or a Collection or array of names and
     * ids. Blank entries are dropped; an empty result means no selection.
     */
    public static List<String> keys(Object value, String source) {
        if (value == null) {
            return List.of();
        }
        Collection<?> items;
        if (value instanceof CharSequence text) {
            items = Arrays.asList(text.toString().split(","));
        } else if (value instanceof Collection<?> collection) {
            items = collection;
        } else if (value instanceof Object[] array) {
            items = Arrays.asList(array);
        } else if (value instanceof Number number) {
            items = List.of(number);
        } else {
            throw new IllegalArgumentException(source + " must list custom fields by name or id, as a comma separated "
                                               + "String or a Collection, not a " + value.getClass().getName());
        }
        List<String> keys = new ArrayList<>();
        for (Object item : items) {
            String key = item == null ? "" : item.toString().trim();
            if (!key.isEmpty() && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A key that is a custom field id, or null for a name or label. */
    static Integer asId(String key) {
        Long id = RecordIds.parse(key);
        return id != null && id <= Integer.MAX_VALUE ? id.intValue() : null;
    }

    /** Checks the options when the endpoint is created, so a wrong URI fails before the first message. */
    public static void validate(HaloPsaEntity entity, HaloPsaOperation operation, String customFields,
                                long refreshIntervalMillis) {
        if (refreshIntervalMillis <= 0) {
            throw new IllegalArgumentException("Invalid customFieldsRefreshInterval " + refreshIntervalMillis
                                               + ": the custom field definitions need a positive refresh interval, "
                                               + "for example 1h or 10m");
        }
        List<String> keys = keys(customFields, "The customFields option");
        if (!keys.isEmpty() && (operation == null ? entity.defaultOperation() : operation) == HaloPsaOperation.list) {
            requireListSupport(entity);
        }
    }

    /** Halo leaves custom fields out of lists unless asked by include_custom_fields, known on a few lists only. */
    public static void requireListSupport(HaloPsaEntity entity) {
        if (!entity.has(HaloPsaEntity.Trait.CUSTOM_FIELDS_ON_LIST)) {
            throw new IllegalArgumentException("customFields on list is available for halopsa:"
                    + HaloPsaEntity.with(HaloPsaEntity.Trait.CUSTOM_FIELDS_ON_LIST).stream().map(Enum::name)
                            .collect(Collectors.joining(", halopsa:"))
                    + ", the lists known to take HaloPSA's include_custom_fields; not for halopsa:" + entity
                    + ". On get every custom field comes with the record");
        }
    }
}
