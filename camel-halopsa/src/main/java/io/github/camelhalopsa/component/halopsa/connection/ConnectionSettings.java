package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;

/**
 * The settings that make two endpoints share one connection (one token, one HTTP client, one rate limit gate): equal
 * settings, shared connection; an endpoint that overrides any of them gets a connection of its own. Endpoints given the
 * same request limiter bean share a connection; two limiter instances make two connections.
 */
public final class ConnectionSettings {

    private static final String PROPERTY_PREFIX = "camel.component.halopsa.";

    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final URI apiBase;
    private final URI tokenUri;
    private final boolean discoversAuthServer;
    private final int connectTimeoutMillis;
    private final int responseTimeoutMillis;
    private final RetryPolicy retryPolicy;
    private final int rateLimit;
    private final Duration rateLimitPeriod;
    private final HaloPsaRequestLimiter requestLimiter;

    private ConnectionSettings(Builder options, HaloPsaHosts hosts) {
        this.clientId = options.clientId;
        this.clientSecret = options.clientSecret;
        this.scope = options.scope;
        this.apiBase = hosts.apiBase();
        this.tokenUri = hosts.tokenUri();
        this.discoversAuthServer = hosts.discoversAuthServer();
        this.connectTimeoutMillis = options.connectTimeoutMillis;
        this.responseTimeoutMillis = options.responseTimeoutMillis;
        this.retryPolicy = new RetryPolicy(options.maxRetries, Duration.ofMillis(options.retryBackoffMillis),
                Duration.ofMillis(options.rateLimitBackoffMillis), Duration.ofMillis(options.maxBackoffMillis));
        this.rateLimit = options.rateLimit;
        this.rateLimitPeriod = Duration.ofMillis(options.rateLimitPeriodMillis);
        this.requestLimiter = options.requestLimiter;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The connection options as the endpoint's configuration holds them, named as the URI options are, so that every
     * error can name the option to fix.
     */
    public static final class Builder {
        private String clientId;
        private String clientSecret;
        private String scope;
        private String resourceServer;
        private String authServer;
        private String tenant;
        private boolean onPremise;
        private int connectTimeoutMillis;
        private int responseTimeoutMillis;
        private int maxRetries;
        private long retryBackoffMillis;
        private long rateLimitBackoffMillis;
        private long maxBackoffMillis;
        private int rateLimit;
        private long rateLimitPeriodMillis;
        private HaloPsaRequestLimiter requestLimiter;

        private Builder() {
        }

        public Builder credentials(String clientId, String clientSecret, String scope) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.scope = scope;
            return this;
        }

        public Builder hosts(String resourceServer, String authServer, String tenant, boolean onPremise) {
            this.resourceServer = resourceServer;
            this.authServer = authServer;
            this.tenant = tenant;
            this.onPremise = onPremise;
            return this;
        }

        public Builder timeouts(int connectTimeoutMillis, int responseTimeoutMillis) {
            this.connectTimeoutMillis = connectTimeoutMillis;
            this.responseTimeoutMillis = responseTimeoutMillis;
            return this;
        }

        public Builder retries(int maxRetries, long retryBackoffMillis, long rateLimitBackoffMillis,
                               long maxBackoffMillis) {
            this.maxRetries = maxRetries;
            this.retryBackoffMillis = retryBackoffMillis;
            this.rateLimitBackoffMillis = rateLimitBackoffMillis;
            this.maxBackoffMillis = maxBackoffMillis;
            return this;
        }

        public Builder rateLimit(int requests, long periodMillis) {
            this.rateLimit = requests;
            this.rateLimitPeriodMillis = periodMillis;
            return this;
        }

        /** A limiter of the application's own (option requestLimiter) in place of the rolling window; may be null. */
        public Builder requestLimiter(HaloPsaRequestLimiter requestLimiter) {
            this.requestLimiter = requestLimiter;
            return this;
        }

        /**
         * Validates the options and derives the URLs from them.
         *
         * @throws IllegalArgumentException naming the option (and its property key) that is missing or malformed
         */
        public ConnectionSettings build() {
            requireSet(clientId, "clientId", "client-id");
            requireSet(clientSecret, "clientSecret", "client-secret");
            requireSet(resourceServer, "resourceServer", "resource-server");
            HaloPsaHosts hosts = HaloPsaHosts.of(resourceServer, authServer, tenant, onPremise);
            requireAtLeast(connectTimeoutMillis, 1, "connectTimeout", "connect-timeout", "milliseconds");
            requireAtLeast(responseTimeoutMillis, 1, "responseTimeout", "response-timeout", "milliseconds");
            requireAtLeast(maxRetries, 0, "maxRetries", "max-retries", "repeats (0 turns retries off)");
            requireAtLeast(retryBackoffMillis, 0, "retryBackoff", "retry-backoff", "milliseconds");
            requireAtLeast(rateLimitBackoffMillis, 1, "rateLimitBackoff", "rate-limit-backoff", "milliseconds");
            requireAtLeast(maxBackoffMillis, Math.max(retryBackoffMillis, rateLimitBackoffMillis), "maxBackoff",
                    "max-backoff", "milliseconds, no less than retryBackoff and rateLimitBackoff");
            requireAtLeast(rateLimit, 0, "rateLimit", "rate-limit", "requests (0 turns the limiter off)");
            requireAtLeast(rateLimitPeriodMillis, 1, "rateLimitPeriod", "rate-limit-period", "milliseconds");
            if (requestLimiter != null && rateLimit > 0) {
                throw new IllegalArgumentException("The HaloPSA options rateLimit (" + PROPERTY_PREFIX + "rate-limit) "
                        + rateLimit + " and requestLimiter (" + PROPERTY_PREFIX + "request-limiter) are both set, but a "
                        + "connection has one request budget: requestLimiter replaces rateLimit. Set rateLimit to 0, or "
                        + "leave requestLimiter out");
            }
            return new ConnectionSettings(this, hosts);
        }
    }

    private static void requireSet(String value, String option, String propertyKey) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The HaloPSA option " + option + " is not set: set it on the component ("
                    + PROPERTY_PREFIX + propertyKey + ") or on the endpoint (" + option + "=...)");
        }
    }

    private static void requireAtLeast(long value, long minimum, String option, String propertyKey, String unit) {
        if (value < minimum) {
            throw new IllegalArgumentException("Invalid HaloPSA option " + option + " (" + PROPERTY_PREFIX + propertyKey
                    + ") " + value + ": use " + minimum + " or more " + unit);
        }
    }

    public String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    public String scope() {
        return scope;
    }

    public URI apiBase() {
        return apiBase;
    }

    /** The configured token endpoint; where {@link #discoversAuthServer()}, the one used if discovery finds none. */
    public URI tokenUri() {
        return tokenUri;
    }

    /** Whether the connection asks Halo's {@code /api/authinfo} for its token endpoint first. */
    public boolean discoversAuthServer() {
        return discoversAuthServer;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int responseTimeoutMillis() {
        return responseTimeoutMillis;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** Requests allowed per {@link #rateLimitPeriod()}; 0 when the proactive limiter is off. */
    public int rateLimit() {
        return rateLimit;
    }

    public Duration rateLimitPeriod() {
        return rateLimitPeriod;
    }

    /** The application's own limiter (option requestLimiter), or null for the rolling window of {@link #rateLimit()}. */
    public HaloPsaRequestLimiter requestLimiter() {
        return requestLimiter;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectionSettings other)) {
            return false;
        }
        return connectTimeoutMillis == other.connectTimeoutMillis && responseTimeoutMillis == other.responseTimeoutMillis
                && rateLimit == other.rateLimit && rateLimitPeriod.equals(other.rateLimitPeriod)
                // the same limiter instance, not an equal one: a limiter holds a budget, which two must not merge
                && requestLimiter == other.requestLimiter
                && retryPolicy.equals(other.retryPolicy)
                && clientId.equals(other.clientId) && clientSecret.equals(other.clientSecret)
                && Objects.equals(scope, other.scope) && apiBase.equals(other.apiBase) && tokenUri.equals(other.tokenUri)
                && discoversAuthServer == other.discoversAuthServer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, scope, apiBase, tokenUri, discoversAuthServer, connectTimeoutMillis,
                responseTimeoutMillis, retryPolicy, rateLimit, rateLimitPeriod, System.identityHashCode(requestLimiter));
    }

    /** Names the instance only: client id and secret are both credentials. */
    @Override
    public String toString() {
        return "HaloPSA connection to " + apiBase;
    }
}
