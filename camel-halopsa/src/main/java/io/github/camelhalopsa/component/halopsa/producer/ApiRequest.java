package io.github.camelhalopsa.component.halopsa.producer;

import java.util.Locale;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import org.apache.camel.Message;

/** {@code request} on halopsa:api: any method and path under /api, with the connection's token. */
final class ApiRequest {

    private final MessageParameters parameters;
    private final HaloPsaConnection connection;
    private final HaloJson json;

    ApiRequest(MessageParameters parameters, HaloPsaConnection connection, HaloJson json) {
        this.parameters = parameters;
        this.connection = connection;
        this.json = json;
    }

    void run(Message in) throws Exception {
        HaloPsaConfiguration configuration = parameters.configuration();
        String method = HaloPsaEndpoint.validMethod(
                in.getHeader(HaloPsaConstants.METHOD, configuration.getMethod() == null ? "GET" : configuration.getMethod(),
                        String.class),
                HaloPsaConstants.METHOD);
        String path = in.getHeader(HaloPsaConstants.PATH, configuration.getPath(), String.class);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("request on halopsa:api needs a path under /api, for example /Agent/me: "
                                               + "set the path option or the " + HaloPsaConstants.PATH + " header");
        }
        HaloRequest request = new HaloRequest(method, apiPath(path), parameters.query(in), body(method, in));
        HaloHttpResponse response = connection.send(request);
        in.setHeader(HaloPsaConstants.RESPONSE_CODE, response.status());
        if (!response.hasBody()) {
            in.setBody(null);
        } else if (response.isJson()) {
            in.setBody(json.answer(request, response));
        } else {
            in.setBody(response.body());
        }
    }

    /** Text and bytes go as they are; anything else is written as JSON. A GET sends none. */
    private byte[] body(String method, Message in) {
        Object payload = in.getBody();
        if ("GET".equals(method) || payload == null) {
            return null;
        }
        return payload instanceof String || payload instanceof byte[] ? in.getBody(byte[].class) : json.write(payload);
    }

    /** Accepts /Agent/me, Agent/me and /api/Agent/me alike. */
    private static String apiPath(String path) {
        String trimmed = path.trim();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        if (withSlash.toLowerCase(Locale.ROOT).startsWith("/api/")) {
            return withSlash.substring(4);
        }
        return withSlash;
    }
}
