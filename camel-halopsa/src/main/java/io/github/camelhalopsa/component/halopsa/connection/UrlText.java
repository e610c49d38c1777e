package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Text made safe for a URL: the one place the component percent-encodes. */
public final class UrlText {

    private UrlText() {
    }

    /** A query parameter's name or value, or a form field (spaces as {@code +}). */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One path segment, such as a record id: spaces as {@code %20}, since {@code +} means a plus sign in a path. */
    public static String pathSegment(String text) {
        return encode(text).replace("+", "%20");
    }
}
