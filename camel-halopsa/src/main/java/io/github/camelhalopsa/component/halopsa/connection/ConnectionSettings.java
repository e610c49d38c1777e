package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URI;
import java.util.Objects;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;

/**
 * The settings that make two endpoints share one connection (one token, one HTTP client): equal settings, shared
 * connection; an endpoint that overrides any of them gets a connection of its own.
 */
public final class ConnectionSettings {

    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final URI apiBase;
    private final URI tokenUri;
    private final int connectTimeoutMillis;
    private final int responseTimeoutMillis;

    private ConnectionSettings(HaloPsaConfiguration configuration, HaloPsaHosts hosts) {
        this.clientId = configuration.getClientId();
        this.clientSecret = configuration.getClientSecret();
        this.scope = configuration.getScope();
        this.apiBase = hosts.apiBase();
        this.tokenUri = hosts.tokenUri();
        this.connectTimeoutMillis = configuration.getConnectTimeout();
        this.responseTimeoutMillis = configuration.getResponseTimeout();
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
        return new ConnectionSettings(configuration, hosts);
    }

    private static void requireSet(String value, String option, String propertyKey) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The HaloPSA option " + option + " is not set: set it on the component ("
                    + "camel.component.halopsa." + propertyKey + ") or on the endpoint (" + option + "=...)");
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConnectionSettings other)) {
            return false;
        }
        return connectTimeoutMillis == other.connectTimeoutMillis && responseTimeoutMillis == other.responseTimeoutMillis
                && clientId.equals(other.clientId) && clientSecret.equals(other.clientSecret)
                && Objects.equals(scope, other.scope) && apiBase.equals(other.apiBase) && tokenUri.equals(other.tokenUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientSecret, scope, apiBase, tokenUri, connectTimeoutMillis, responseTimeoutMillis);
    }

    /** Names the instance only: client id and secret are both credentials. */
    @Override
    public String toString() {
        return "HaloPSA connection to " + apiBase;
    }
}
