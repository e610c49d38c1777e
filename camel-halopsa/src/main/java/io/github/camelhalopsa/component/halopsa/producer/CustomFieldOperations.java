package io.github.camelhalopsa.component.halopsa.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequiredFieldsException;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldArrays;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldOptions;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldResolver;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.QueryParameters;
import org.apache.camel.CamelException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the custom field options do to the producer's calls: include_custom_fields on lists, the selection on get,
 * Halo's array form and the merge with the current record on addOrUpdate, and custom field names in Halo's
 * required-field errors.
 */
public final class CustomFieldOperations {

    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldOperations.class);
    public static final String INCLUDE_CUSTOM_FIELDS = "include_custom_fields";

    private final HaloPsaEntity entity;
    private final HaloPsaConfiguration configuration;
    private final HaloPsaConnection connection;
    private final HaloJson json;
    private final CustomFieldResolver resolver;
    private final AtomicBoolean warnedAboutUnmergedFields = new AtomicBoolean();

    public CustomFieldOperations(HaloPsaEntity entity, HaloPsaConfiguration configuration, HaloPsaConnection connection,
                          HaloJson json, CustomFieldResolver resolver) {
        this.entity = entity;
        this.configuration = configuration;
        this.connection = connection;
        this.json = json;
        this.resolver = resolver;
    }

    /** The custom fields the message or endpoint asks for, as ids; empty when it asks for none. */
    public List<Integer> wantedIds(Message in, String what) throws CamelException {
        List<String> keys = wantedKeys(in);
        return keys.isEmpty() ? List.of() : resolver.ids(keys, what);
    }

    private List<String> wantedKeys(Message in) {
        Object header = in.getHeader(HaloPsaConstants.CUSTOM_FIELDS);
        return header != null
                ? CustomFieldOptions.keys(header, "The header " + HaloPsaConstants.CUSTOM_FIELDS)
                : CustomFieldOptions.keys(configuration.getCustomFields(), "The customFields option");
    }

    /** A list's query with the wanted fields added to any include_custom_fields the route set itself. */
    public Map<String, String> withIncludedFields(Map<String, String> query, Message in) throws CamelException {
        List<String> keys = wantedKeys(in);
        if (keys.isEmpty()) {
            return query;
        }
        CustomFieldOptions.requireListSupport(entity);
        List<Integer> ids = resolver.ids(keys, "list on halopsa:" + entity);
        List<String> all = new ArrayList<>(CustomFieldOptions.keys(query.get(INCLUDE_CUSTOM_FIELDS), INCLUDE_CUSTOM_FIELDS));
        ids.stream().map(String::valueOf).filter(id -> !all.contains(id)).forEach(all::add);
        Map<String, String> result = new LinkedHashMap<>(query);
        result.put(INCLUDE_CUSTOM_FIELDS, String.join(",", all));
        return result;
    }

    /**
     * The records to post: field maps written as Halo's arrays and, with mergeCustomFields, each existing record's
     * current fields merged in, since Halo replaces a record's whole custom field array with what is posted.
     */
    public List<Map<String, Object>> forPost(List<Map<String, Object>> records, Message in, String what) throws CamelException {
        boolean merge = in.getHeader(HaloPsaConstants.MERGE_CUSTOM_FIELDS, configuration.isMergeCustomFields(),
                Boolean.class);
        List<Map<String, Object>> result = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Map<String, Object> written = CustomFieldArrays.toHaloForm(record, entity, resolver, what);
            Long id = CustomFieldArrays.existingId(written);
            if (id != null && CustomFieldArrays.postsFieldArrays(written, entity)) {
                written = merge ? mergedWithCurrent(written, id, what) : warnOnce(written, what);
            }
            result.add(written);
        }
        return result;
    }

    private Map<String, Object> mergedWithCurrent(Map<String, Object> record, long id, String what)
            throws CamelException {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("includedetails", true);
        if (entity.has(HaloPsaEntity.Trait.KEYED_BY_TICKET)) {
            query.put("ticket_id", record.get("ticket_id"));
        }
        HaloRequest read = HaloRequest.get(entity.path() + "/" + id, QueryParameters.merge(query, null));
        Map<String, Object> current = json.recordAnswer(read, connection.send(read));
        try {
            return CustomFieldArrays.merge(record, current, entity);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(what + " with mergeCustomFields could not merge record " + id + ": "
                                            + e.getMessage() + " (" + read.describe() + "). Nothing was posted, as "
                                            + "posting would clear the fields it did not send");
        }
    }

    private Map<String, Object> warnOnce(Map<String, Object> record, String what) {
        if (warnedAboutUnmergedFields.compareAndSet(false, true)) {
            LOG.warn("{} posts custom fields to an existing record without mergeCustomFields: HaloPSA replaces the "
                     + "record's whole custom field array, so fields not posted are cleared. Set mergeCustomFields=true "
                     + "to keep them (one extra GET per record). Logged once per endpoint", what);
        }
        return record;
    }

    /** Halo names required fields by label; where those are custom fields, the error says which name or id to pass. */
    public HaloPsaRequiredFieldsException explained(HaloPsaRequiredFieldsException e) {
        List<String> described = resolver.describeCustomFields(e.getRequiredFields());
        return described.isEmpty() ? e : e.withDetail("In HaloPSA's custom fields: " + String.join("; ", described) + ".");
    }
}
