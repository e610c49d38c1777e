package io.github.camelhalopsa.sandbox;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.github.camelhalopsa.sandbox.spec.UrlEncoded;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** The sandbox's JSON and the answers it builds, in the content type Halo answers with. */
final class Responses {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Responses() {
    }

    static ResponseDefinition json(int status, Object body) {
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", JSON_TYPE)
                    .withBody(JSON.writeValueAsBytes(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The sandbox could not write its own answer as JSON", e);
        }
    }

    /** An error with a message, as a JSON string: how ASP.NET writes {@code BadRequest("...")} for a JSON client. */
    static ResponseDefinition message(int status, String message) {
        return json(status, message);
    }

    static ResponseDefinition text(int status, String text) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(text).build();
    }

    /** Query parameters of a raw URL. */
    static Map<String, List<String>> query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : UrlEncoded.parse(url.substring(q + 1));
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String path(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
