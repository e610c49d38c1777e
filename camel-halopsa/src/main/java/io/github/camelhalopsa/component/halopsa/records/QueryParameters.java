package io.github.camelhalopsa.component.halopsa.records;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;

/**
 * Halo query parameters as text: the endpoint's query.* options overlaid by the message's header map. Collections
 * become comma-separated values, the form Halo's "array of int" filters take ({@code status=1,2}).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static Map<String, String> merge(Map<String, Object> options, Object header) {
        Map<String, String> query = new LinkedHashMap<>();
        addAll(query, options);
        if (header instanceof Map<?, ?> map) {
            addAll(query, map);
        } else if (header != null) {
            throw new IllegalArgumentException("The header " + HaloPsaConstants.QUERY + " must be a Map of query "
                                               + "parameter names to values, not a " + header.getClass().getName());
        }
        return query;
    }

    private static void addAll(Map<String, String> query, Map<?, ?> values) {
        if (values == null) {
            return;
        }
        values.forEach((name, value) -> {
            if (value == null) {
                query.remove(String.valueOf(name));
            } else {
                query.put(String.valueOf(name), text(value));
            }
        });
    }

    private static String text(Object value) {
        if (value instanceof Iterable<?> iterable) {
            return StreamSupport.stream(iterable.spliterator(), false).map(String::valueOf)
                    .collect(Collectors.joining(","));
        }
        if (value instanceof Object[] array) {
            return text(Arrays.asList(array));
        }
        return String.valueOf(value);
    }
}
