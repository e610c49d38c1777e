package io.github.camelhalopsa.component.halopsa.connection;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer from HaloPSA, fully read, so the connection goes back to the pool before anyone parses it.
 *
 * @param retryAfter the Retry-After header as sent (seconds or an HTTP date), or null
 */
public record HaloHttpResponse(int status, String reason, String contentType, String contentDisposition, byte[] body,
        String retryAfter) {

    public HaloHttpResponse(int status, String reason, String contentType, String contentDisposition, byte[] body) {
        this(status, reason, contentType, contentDisposition, body, null);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    /** A web page: what proxies, gateways and login portals answer instead of Halo's JSON. */
    public boolean isHtml() {
        return contentType != null && contentType.toLowerCase().contains("html");
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
