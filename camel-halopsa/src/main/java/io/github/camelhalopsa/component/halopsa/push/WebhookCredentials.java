package io.github.camelhalopsa.component.halopsa.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The credential HaloPSA's webhook must send: none, Basic (user name and password) or a Bearer token. Only digests of
 * the secret are kept, and a presented credential is digested and compared with {@link MessageDigest#isEqual}, so
 * the comparison takes the same time whatever the credential's length or how much of it matches. Neither the
 * credential nor anything derived from it is ever printed.
 */
public final class WebhookCredentials {

    /** What a call's Authorization header amounted to. */
    public enum Verdict {
        ACCEPTED,
        /** No Authorization header, or one of another scheme. */
        MISSING,
        WRONG
    }

    private enum Scheme {
        NONE,
        BASIC,
        BEARER
    }

    private static final WebhookCredentials NONE = new WebhookCredentials(Scheme.NONE, null);

    private final Scheme scheme;
    private final byte[] expectedDigest;

    private WebhookCredentials(Scheme scheme, byte[] expectedDigest) {
        this.scheme = scheme;
        this.expectedDigest = expectedDigest;
    }

    /** Every call is accepted. */
    public static WebhookCredentials none() {
        return NONE;
    }

    public static WebhookCredentials basic(String username, String password) {
        return new WebhookCredentials(Scheme.BASIC, digest((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static WebhookCredentials bearer(String token) {
        return new WebhookCredentials(Scheme.BEARER, digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean isRequired() {
        return scheme != Scheme.NONE;
    }

    /** Checks the value of a call's Authorization header (null when it had none). */
    public Verdict check(String authorization) {
        if (scheme == Scheme.NONE) {
            return Verdict.ACCEPTED;
        }
        byte[] presented = presented(authorization);
        if (presented == null) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(expectedDigest, digest(presented)) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** The credential in the header, decoded, or null where the header has none of this scheme. */
    private byte[] presented(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String name = value.substring(0, space).toLowerCase(Locale.ROOT);
        String credential = value.substring(space + 1).trim();
        if (scheme == Scheme.BEARER) {
            return name.equals("bearer") ? credential.getBytes(StandardCharsets.UTF_8) : null;
        }
        if (!name.equals("basic")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(credential);
        } catch (IllegalArgumentException e) {
            // not Base64: whatever it was, it is not the expected user name and password
            return new byte[0];
        }
    }

    /** The WWW-Authenticate header of a 401, naming the scheme the caller should use. */
    public String challenge() {
        return scheme == Scheme.BASIC ? "Basic realm=\"halopsa-webhook\", charset=\"UTF-8\"" : "Bearer";
    }

    private static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The scheme only: what is expected is never shown. */
    @Override
    public String toString() {
        return switch (scheme) {
            case NONE -> "no authentication";
            case BASIC -> "Basic authentication";
            case BEARER -> "a Bearer token";
        };
    }
}
