package io.github.camelhalopsa.sandbox.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The component schemas a part of an OpenAPI document needs: those it references, directly or through others. */
final class ReachableSchemas {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    private ReachableSchemas() {
    }

    /** The schemas {@code from} reaches, in the order {@code allSchemas} has them. */
    static ObjectNode of(JsonNode from, JsonNode allSchemas, ObjectMapper mapper) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (!target.startsWith(SCHEMA_REF_PREFIX)) {
                    throw new IllegalStateException("unsupported $ref: " + target);
                }
                String name = target.substring(SCHEMA_REF_PREFIX.length());
                JsonNode schema = allSchemas.get(name);
                if (schema == null) {
                    throw new IllegalStateException("dangling $ref: " + target);
                }
                if (reached.add(name)) {
                    todo.push(schema);
                }
            }
            node.forEach(todo::push);
        }
        ObjectNode out = mapper.createObjectNode();
        allSchemas.properties().forEach(e -> {
            if (reached.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }
}
