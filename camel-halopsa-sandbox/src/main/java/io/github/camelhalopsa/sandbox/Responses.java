package io.github.camelhalopsa.sandbox;

import java.util.LinkedHashMap;
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

    /**
     * A broken business rule as Halo answers it: the .NET exception, serialised. HaloAPI's end-to-end tests on a real
     * tenant print "System.Exception: An Outcome must be entered for this Action" from {@code ClassName} and
     * {@code Message} (recorded notes, R4).
     */
    static ResponseDefinition exception(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClassName", "System.Exception");
        body.put("Message", message);
        return json(status, body);
    }

    /** Halo's 404 carries no message (GET /Actions/3?ticket_id=2200 and GET /Agent/{missing} on a real tenant, R4). */
    static ResponseDefinition notFound() {
        return aResponse().withStatus(404).build();
    }

    /**
     * The 429 with Halo's text (R5). HaloAPI's error parser shows that text only from a JSON body, so it is JSON; the
     * key {@code Message} is inferred, and no {@code Retry-After} is sent because no source shows one.
     */
    static ResponseDefinition rateLimited(String message) {
        return json(429, Map.of("Message", message));
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
