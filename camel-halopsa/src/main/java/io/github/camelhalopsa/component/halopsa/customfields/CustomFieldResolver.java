package io.github.camelhalopsa.component.halopsa.customfields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.customfields.FieldDefinitions.AmbiguousLabelException;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the keys a route names custom fields by (an id, a name such as CFApprover, or a label such as Approver)
 * into Halo's ids. Ids need no lookup; names and labels are looked up in the connection's cached definitions.
 */
public final class CustomFieldResolver {

    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldResolver.class);

    /**
     * A name not found in definitions older than this is looked up once more after reading them again: a field
     * added in HaloPSA a moment ago should not fail until the refresh interval runs out. Younger definitions are
     * trusted, so a misspelt name in a busy route cannot turn every exchange into a /FieldInfo call.
     */
    static final Duration REREAD_ON_MISS_AFTER = Duration.ofMinutes(1);

    private final FieldDefinitionsCache cache;
    private final Duration refreshInterval;

    public CustomFieldResolver(FieldDefinitionsCache cache, Duration refreshInterval) {
        this.cache = cache;
        this.refreshInterval = refreshInterval;
    }

    /**
     * @param what the operation and endpoint, as errors name them (addOrUpdate on halopsa:ticket)
     * @throws IllegalArgumentException for a name or label no custom field has, naming the closest known ones
     */
    public List<Integer> ids(List<String> keys, String what) throws CamelException {
        List<Integer> ids = new ArrayList<>(keys.size());
        for (String key : keys) {
            ids.add(id(key, what));
        }
        return ids;
    }

    public int id(String key, String what) throws CamelException {
        Integer id = CustomFieldOptions.asId(key);
        if (id != null) {
            return id;
        }
        FieldDefinitions definitions = cache.get(refreshInterval);
        Optional<FieldDefinition> found = find(definitions, key, what);
        if (found.isEmpty()) {
            FieldDefinitions reread = cache.get(REREAD_ON_MISS_AFTER);
            if (reread != definitions) {
                definitions = reread;
                found = find(definitions, key, what);
            }
        }
        FieldDefinitions known = definitions;
        return found.orElseThrow(() -> unknown(key, known, what)).id();
    }

    private static Optional<FieldDefinition> find(FieldDefinitions definitions, String key, String what) {
        try {
            return definitions.find(key);
        } catch (AmbiguousLabelException e) {
            throw new IllegalArgumentException("The custom field label '" + key.trim() + "' in " + what + " belongs to "
                    + e.candidates().size() + " custom fields: " + e.candidates().stream().map(FieldDefinition::describe)
                            .collect(Collectors.joining(", ")) + ". Name the one meant by its name or id");
        }
    }

    private static IllegalArgumentException unknown(String key, FieldDefinitions definitions, String what) {
        StringBuilder message = new StringBuilder("Unknown custom field '").append(key.trim()).append("' in ")
                .append(what).append(". ");
        if (definitions.size() == 0) {
            message.append("HaloPSA's /FieldInfo lists no custom fields this API application can see");
        } else {
            message.append("Closest known custom fields: ").append(String.join(", ", definitions.closestTo(key)))
                    .append(". Name a custom field by its name (CF...), its label or its id, as HaloPSA's /FieldInfo "
                            + "lists them");
        }
        return new IllegalArgumentException(message.toString());
    }

    /**
     * What the definitions say about fields Halo named in an error, e.g. "Department is the custom field
     * CFDepartment (id 14)"; empty when none of them is a custom field or the definitions cannot be read. Used on a
     * failure path only, so a failing read is logged and never hides Halo's own error.
     */
    public List<String> describeCustomFields(List<String> fieldNames) {
        if (fieldNames.isEmpty()) {
            return List.of();
        }
        FieldDefinitions definitions;
        try {
            definitions = cache.get(refreshInterval);
        } catch (CamelException | RuntimeException e) {
            LOG.debug("Could not read HaloPSA's custom field definitions to explain an error: {}", e.getMessage());
            return List.of();
        }
        List<String> described = new ArrayList<>();
        for (String name : fieldNames) {
            definitions.findQuietly(name).ifPresent(definition -> described.add(
                    name + " is the custom field " + definition.describe()));
        }
        return described;
    }
}
