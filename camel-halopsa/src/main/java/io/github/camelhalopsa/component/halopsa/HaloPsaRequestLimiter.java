package io.github.camelhalopsa.component.halopsa;

/**
 * What decides when a request may leave for HaloPSA: the component's option {@code requestLimiter}. Without one, a
 * connection counts its own requests (options {@code rateLimit} and {@code rateLimitPeriod}); set one to share a
 * request budget with other processes, for example the replicas of an application that all call one HaloPSA tenant,
 * whose rate limit counts their requests together. The module camel-halopsa-replicas has one on Bucket4j.
 * <p>
 * Every request of a connection, token requests included, calls {@link #acquire()} once just before it leaves, after
 * the connection's 429 gate has let it through: the gate stays the second line of defence when the budget is spent
 * by someone the limiter does not know of. Implementations must be thread-safe; endpoints configured with the same
 * limiter instance (and otherwise the same connection options) share one connection.
 */
public interface HaloPsaRequestLimiter {

    /**
     * Waits until one more request may leave without exceeding the budget, and counts it.
     *
     * @throws InterruptedException when the waiting thread is interrupted (the route is stopping); the request does
     *                              not leave
     */
    void acquire() throws InterruptedException;

    /**
     * Whether a request could leave now without waiting; counts nothing. The readiness health check asks before it
     * spends a request on a probe. An implementation that cannot tell cheaply may answer true.
     */
    default boolean hasRoom() {
        return true;
    }
}
