package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token and the moment it should be replaced: shortly before Halo's {@code expires_in} runs out, so a call
 * never leaves with a token that expires on the way. The margin is a minute, or a tenth of a short lifetime.
 */
record AccessToken(String value, Instant refreshAt) {

    static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    static AccessToken issued(String value, Duration lifetime, Instant now) {
        Duration margin = lifetime.dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return new AccessToken(value, now.plus(lifetime).minus(margin));
    }

    boolean isDue(Instant now) {
        return !now.isBefore(refreshAt);
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return "AccessToken[refreshAt=" + refreshAt + "]";
    }
}
