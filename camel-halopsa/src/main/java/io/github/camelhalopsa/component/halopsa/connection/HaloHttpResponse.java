package io.github.camelhalopsa.component.halopsa.connection;

import java.nio.charset.StandardCharsets;

/** An HTTP answer from HaloPSA, fully read, so the connection goes back to the pool before anyone parses it. */
public record HaloHttpResponse(int status, String reason, String contentType, String contentDisposition, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
