package io.github.camelhalopsa.component.halopsa.customfields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.RecordIds;
import org.apache.camel.CamelException;

/**
 * Halo's custom field arrays on a record: {@code customfields: [{"id": 12, "value": "Jane"}, ...]} on tickets,
 * clients, sites, users and most other records, and on assets also {@code fields}, the asset-type fields.
 * <p>
 * The two are different catalogues: {@code customfields} ids come from {@code /FieldInfo} (HaloAPI's
 * Get-HaloCustomField), asset {@code fields} ids from {@code /Field} (HaloAPI's Get-HaloField; Halo's schema
 * {@code FieldHelper} with a {@code typeinfo_id}). So only {@code customfields} keys are looked up by name; asset
 * fields are written by id. Both arrays are replaced whole when posted (HaloAPI issue 13 shows it for asset fields),
 * so both are merged.
 */
public final class CustomFieldArrays {

    public static final String CUSTOM_FIELDS = "customfields";
    public static final String ASSET_FIELDS = "fields";

    private CustomFieldArrays() {
    }

    /** The arrays of an entity's records that hold field values. */
    static List<String> arrays(HaloPsaEntity entity) {
        return entity.has(HaloPsaEntity.Trait.ASSET_FIELDS) ? List.of(CUSTOM_FIELDS, ASSET_FIELDS) : List.of(CUSTOM_FIELDS);
    }

    /**
     * A record with its field maps ({@code "customfields": {"CFApprover": "Jane", "12": "x"}}) written the way Halo
     * takes them ({@code [{"id": 7, "value": "Jane"}, {"id": 12, "value": "x"}]}). Arrays pass unchanged. Returns
     * the record itself when nothing needed writing.
     */
    public static Map<String, Object> toHaloForm(Map<String, Object> record, HaloPsaEntity entity,
                                                 CustomFieldResolver resolver, String what) throws CamelException {
        Map<String, Object> result = record;
        for (String array : arrays(entity)) {
            Object value = record.get(array);
            if (value == null || value instanceof Collection<?> || value instanceof Object[]) {
                continue;
            }
            if (!(value instanceof Map<?, ?> byKey)) {
                throw new IllegalArgumentException(what + ": " + array + " must be a map of field " + keyKind(array)
                        + " to value, or HaloPSA's array of {\"id\": ..., \"value\": ...}, not "
                        + value.getClass().getSimpleName());
            }
            List<Map<String, Object>> entries = new ArrayList<>(byKey.size());
            for (Map.Entry<?, ?> entry : byKey.entrySet()) {
                String key = String.valueOf(entry.getKey());
                entries.add(entry(idOf(key, array, resolver, what), entry.getValue()));
            }
            if (result == record) {
                result = new LinkedHashMap<>(record);
            }
            result.put(array, entries);
        }
        return result;
    }

    private static String keyKind(String array) {
        return CUSTOM_FIELDS.equals(array) ? "name or id" : "id";
    }

    private static int idOf(String key, String array, CustomFieldResolver resolver, String what) throws CamelException {
        if (CUSTOM_FIELDS.equals(array)) {
            return resolver.id(key, what);
        }
        Integer id = CustomFieldOptions.asId(key);
        if (id == null) {
            throw new IllegalArgumentException(what + ": the asset field '" + key + "' needs its id. An asset's "
                    + "fields are its asset type's fields (HaloPSA's /Field), addressed by id; custom fields from "
                    + "/FieldInfo go under customfields, where names work too");
        }
        return id;
    }

    private static Map<String, Object> entry(Object id, Object value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("value", value);
        return entry;
    }

    /** The id of an existing record, or null for a record Halo will create (no id, or id 0). */
    public static Long existingId(Map<String, Object> record) {
        Object id = record.get("id");
        long value;
        if (id instanceof Number number) {
            value = number.longValue();
        } else if (id instanceof CharSequence text && RecordIds.parse(text) != null) {
            value = RecordIds.parse(text);
        } else {
            return null;
        }
        return value > 0 ? value : null;
    }

    /** Whether a record posts any field array, which Halo would take as the record's whole set. */
    public static boolean postsFieldArrays(Map<String, Object> record, HaloPsaEntity entity) {
        return arrays(entity).stream().anyMatch(array -> entries(record.get(array)) != null);
    }

    /**
     * The record to post with each field array holding the current record's fields, updated by the posted ones and
     * followed by posted fields the record does not have yet. Current fields go back as {@code {id, value}} only.
     *
     * @param current the record as Halo has it now
     * @throws IllegalStateException when the current record lacks an array the posted one carries: its other fields
     *                               are then unknown, and posting would clear them
     */
    public static Map<String, Object> merge(Map<String, Object> posted, Map<String, Object> current, HaloPsaEntity entity) {
        Map<String, Object> result = new LinkedHashMap<>(posted);
        for (String array : arrays(entity)) {
            List<Map<String, Object>> changes = entries(posted.get(array));
            if (changes == null) {
                continue;
            }
            List<Map<String, Object>> existing = entries(current.get(array));
            if (existing == null) {
                throw new IllegalStateException("its " + array + " are missing from HaloPSA's answer");
            }
            List<Map<String, Object>> merged = new ArrayList<>();
            List<Map<String, Object>> unmatched = new ArrayList<>(changes);
            for (Map<String, Object> field : existing) {
                Map<String, Object> change = matching(unmatched, field);
                if (change != null) {
                    unmatched.remove(change);
                    merged.add(change);
                } else if (field.get("id") != null) {
                    merged.add(entry(field.get("id"), field.get("value")));
                }
            }
            merged.addAll(unmatched);
            result.put(array, merged);
        }
        return result;
    }

    /** Keeps only the custom fields with these ids, so get answers the same selection a list does. */
    public static Map<String, Object> keepOnly(Map<String, Object> record, Collection<Integer> ids) {
        List<Map<String, Object>> fields = entries(record.get(CUSTOM_FIELDS));
        if (fields == null) {
            return record;
        }
        List<Map<String, Object>> kept = fields.stream()
                .filter(field -> field.get("id") instanceof Number id && ids.contains(id.intValue()))
                .toList();
        Map<String, Object> result = new LinkedHashMap<>(record);
        result.put(CUSTOM_FIELDS, new ArrayList<>(kept));
        return result;
    }

    private static Map<String, Object> matching(List<Map<String, Object>> changes, Map<String, Object> field) {
        for (Map<String, Object> change : changes) {
            boolean sameId = change.get("id") != null && field.get("id") != null
                             && String.valueOf(change.get("id")).equals(String.valueOf(field.get("id")));
            boolean sameName = change.get("id") == null && change.get("name") != null
                               && Objects.equals(change.get("name"), field.get("name"));
            if (sameId || sameName) {
                return change;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Object array) {
        Collection<?> items;
        if (array instanceof Collection<?> collection) {
            items = collection;
        } else if (array instanceof Object[] elements) {
            items = java.util.Arrays.asList(elements);
        } else {
            return null;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                entries.add((Map<String, Object>) map);
            }
        }
        return entries;
    }
}
