package io.github.camelhalopsa.component.halopsa.connection;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Halo's own error text out of an error answer. Halo's bodies vary: plain text, OAuth {@code {"error": ...}},
 * .NET style {@code {"Message": ...}} or {@code {"errorMessage": ...}}, and ASP.NET validation dictionaries keyed by
 * field ({@code {"[0].id": ["..."]}}), per the project's API notes (§4).
 */
public final class HaloErrorMessage {

    static final int MAX_EXCERPT = 300;
    private static final List<String> MESSAGE_FIELDS = List.of("error_description", "message", "Message", "errorMessage",
            "error", "title", "ClassName");

    private HaloErrorMessage() {
    }

    /** Halo's message, or a short excerpt of what came back instead; null for an empty body. */
    public static String of(HaloHttpResponse response, ObjectMapper mapper) {
        if (!response.hasBody()) {
            return null;
        }
        String text = response.bodyText().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("{") || text.startsWith("[") || text.startsWith("\"")) {
            try {
                String fromJson = fromJson(mapper.readTree(text));
                if (fromJson != null && !fromJson.isBlank()) {
                    return excerpt(fromJson);
                }
            } catch (Exception notJson) {
                // fall through to the plain-text excerpt
            }
        }
        if (text.regionMatches(true, 0, "<!doctype html", 0, 14) || text.regionMatches(true, 0, "<html", 0, 5)) {
            return "an HTML page instead of JSON: " + excerpt(text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " "));
        }
        return excerpt(text);
    }

    private static String fromJson(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(element.isTextual() ? element.asText() : fromJson(element)));
            return String.join("; ", parts);
        }
        if (!node.isObject()) {
            return null;
        }
        for (String field : MESSAGE_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                String details = node.has("errors") ? fieldErrors(node.get("errors")) : null;
                return details == null ? value.asText() : value.asText() + " " + details;
            }
        }
        return fieldErrors(node);
    }

    /** Validation dictionaries: field name to a list of messages. */
    private static String fieldErrors(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                List<String> messages = new ArrayList<>();
                value.forEach(message -> messages.add(message.asText()));
                parts.add(entry.getKey() + ": " + String.join(", ", messages));
            } else if (value.isTextual()) {
                parts.add(entry.getKey() + ": " + value.asText());
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    static String excerpt(String text) {
        String trimmed = text.trim();
        return trimmed.length() <= MAX_EXCERPT ? trimmed : trimmed.substring(0, MAX_EXCERPT) + "...";
    }
}
