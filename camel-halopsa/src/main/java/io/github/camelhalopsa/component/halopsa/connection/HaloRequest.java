package io.github.camelhalopsa.component.halopsa.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to HaloPSA's API: method, path under /api, query parameters in order, and an optional JSON body.
 */
public record HaloRequest(String method, String path, Map<String, String> query, byte[] jsonBody) {

    public HaloRequest {
        query = query == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    public static HaloRequest get(String path, Map<String, String> query) {
        return new HaloRequest("GET", path, query, null);
    }

    /** Method and path only, the way errors and logs name a call: never the query, which may carry personal data. */
    public String describe() {
        return method + " " + path;
    }
}
