package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and after what waits a connection repeats a call. Both kinds of wait double with each repeat and stop
 * growing at {@code maxBackoff}: Halo-hosted instances count 300 requests in a rolling 5 minute window, so after
 * {@code maxBackoff} (5 minutes by default) the whole window has cleared and waiting longer gains nothing.
 *
 * @param maxRetries       how many times one call is repeated at most, after a 429, a 5xx or a network fault
 * @param retryBackoff     the first wait after a 5xx or a network fault
 * @param rateLimitBackoff the first pause after a 429 that came without Retry-After
 * @param maxBackoff       the longest single wait, Retry-After included
 */
public record RetryPolicy(int maxRetries, Duration retryBackoff, Duration rateLimitBackoff, Duration maxBackoff) {

    /**
     * The wait before repeat number {@code repeat} (from 1) of a call that met a 5xx or a network fault. A fifth of it
     * is random, so threads that failed together do not come back together.
     */
    Duration afterFault(int repeat) {
        long millis = doubled(retryBackoff, repeat);
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0));
    }

    /** The pause after the {@code consecutive}-th 429 in a row that came without Retry-After. */
    Duration afterRateLimit(int consecutive) {
        return Duration.ofMillis(doubled(rateLimitBackoff, consecutive));
    }

    /** Halo's own Retry-After, kept within {@code maxBackoff}. */
    Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }

    private long doubled(Duration first, int times) {
        long cap = maxBackoff.toMillis();
        long millis = Math.min(first.toMillis(), cap);
        for (int i = 1; i < times && millis < cap; i++) {
            millis = Math.min(millis * 2, cap);
        }
        return millis;
    }
}
