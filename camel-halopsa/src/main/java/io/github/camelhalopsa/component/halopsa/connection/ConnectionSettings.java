package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;

/**
 * The settings that make two endpoints share one connection (one token, one HTTP client, one rate limit gate): equal
 * settings, shared connection; an endpoint that overrides any of them gets a connection of its own.
 */
public final class ConnectionSettings {

    private static final String PROPERTY_PREFIX = "camel.component.halopsa.";

    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final URI apiBase;
    private final URI tokenUri;
    private final int connectTimeoutMillis;
    private final int responseTimeoutMillis;
    private final RetryPolicy retryPolicy;
    private final int rateLimit;
    private final Duration rateLimitPeriod;

    private ConnectionSettings(HaloPsaConfiguration configuration, HaloPsaHosts hosts) {
        this.clientId = configuration.getClientId();
        this.clientSecret = configuration.getClientSecret();
        this.scope = configuration.getScope();
        this.apiBase = hosts.apiBase();
        this.tokenUri = hosts.tokenUri();
        this.connectTimeoutMillis = configuration.getConnectTimeout();
        this.responseTimeoutMillis = configuration.getResponseTimeout();
        this.retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryBackoff()), Duration.ofMillis(configuration.getRateLimitBackoff()),
                Duration.ofMillis(configuration.getMaxBackoff()));
        this.rateLimit = configuration.getRateLimit();
        this.rateLimitPeriod = Duration.ofMillis(configuration.getRateLimitPeriod());
    }

    /**
     * Validates the connection options of a configuration and derives the URLs from them.
     *
     * @throws IllegalArgumentException naming the option (and its property key) that is missing or malformed
     */
    public static ConnectionSettings from(HaloPsaConfiguration configuration) {
        requireSet(configuration.getClientId(), "clientId", "client-id");
        requireSet(configuration.getClientSecret(), "clientSecret", "client-secret");
        requireSet(configuration.getResourceServer(), "resourceServer", "resource-server");
        HaloPsaHosts hosts = HaloPsaHosts.of(configuration.getResourceServer(), configuration.getAuthServer(),
                configuration.getTenant(), configuration.isOnPremise());
        requireAtLeast(configuration.getConnectTimeout(), 1, "connectTimeout", "connect-timeout", "milliseconds");
        requireAtLeast(configuration.getResponseTimeout(), 1, "responseTimeout", "response-timeout", "milliseconds");
        requireAtLeast(configuration.getMaxRetries(), 0, "maxRetries", "max-retries", "repeats (0 turns retries off)");
        requireAtLeast(configuration.getRetryBackoff(), 0, "retryBackoff", "retry-backoff", "milliseconds");
        requireAtLeast(configuration.getRateLimitBackoff(), 1, "rateLimitBackoff", "rate-limit-backoff", "milliseconds");
        requireAtLeast(configuration.getMaxBackoff(), Math.max(configuration.getRetryBackoff(),
                configuration.getRateLimitBackoff()), "maxBackoff", "max-backoff",
                "milliseconds, no less than retryBackoff and rateLimitBackoff");
        requireAtLeast(configuration.getRateLimit(), 0, "rateLimit", "rate-limit", "requests (0 turns the limiter off)");
        requireAtLeast(configuration.getRateLimitPeriod(), 1, "rateLimitPeriod", "rate-limit-period", "milliseconds");
        return new ConnectionSettings(configuration, hosts);
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

    public URI tokenUri() {
        return tokenUri;
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
                && retryPolicy.equals(other.retryPolicy)
                && clientId.equals(other.clientId) && clientSecret.equals(other.clientSecret)
                && Objects.equals(scope, other.scope) && apiBase.equals(other.apiBase) && tokenUri.equals(other.tokenUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, scope, apiBase, tokenUri, connectTimeoutMillis, responseTimeoutMillis,
                retryPolicy, rateLimit, rateLimitPeriod);
    }

    /** Names the instance only: client id and secret are both credentials. */
    @Override
    public String toString() {
        return "HaloPSA connection to " + apiBase;
    }
}
