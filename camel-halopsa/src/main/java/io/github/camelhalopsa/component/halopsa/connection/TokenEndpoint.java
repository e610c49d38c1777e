package io.github.camelhalopsa.component.halopsa.connection;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a connection asks for tokens. Set authServer or tenant and it is what they say. Set neither and it is asked
 * once of Halo's unauthenticated {@code GET /api/authinfo}, which names the authorisation server
 * ({@code auth_url}) and, for hosted instances, the tenant ({@code tenant_id}). The HaloAPI PowerShell module relies
 * on that, and trial tenants serve tokens at {@code /token} with no {@code /auth}. When Halo has no such answer,
 * the default {@code <host>/auth/token} is used, and errors say what was tried.
 */
final class TokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    static final String AUTH_INFO_PATH = "/AuthInfo";

    /** Asks Halo's /api/authinfo; the connection sends it through its retries and rate gate, without a token. */
    interface AuthInfoCall {
        HaloHttpResponse get() throws CamelException;
    }

    private final ConnectionSettings settings;
    private final ObjectMapper mapper;
    private volatile URI uri;
    private volatile String origin;

    TokenEndpoint(ConnectionSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        if (!settings.discoversAuthServer()) {
            origin = "as configured";
            uri = settings.tokenUri();
        }
    }

    /** The token endpoint, discovered on first use where discovery applies. */
    URI uri(AuthInfoCall authInfo) throws CamelException {
        URI known = uri;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (uri == null) {
                discover(authInfo.get());
            }
            return uri;
        }
    }

    /** The token endpoint if known yet, without asking Halo. */
    URI known() {
        return uri;
    }

    /** How the token endpoint was found, for messages and the health check; null before it is known. */
    String origin() {
        return origin;
    }

    private void discover(HaloHttpResponse answer) {
        String authUrl = null;
        String tenant = null;
        if (answer.isSuccess() && answer.hasBody()) {
            try {
                JsonNode json = mapper.readTree(answer.body());
                authUrl = text(json, "auth_url");
                tenant = text(json, "tenant_id");
            } catch (IOException notJson) {
                // no usable answer: the default below
            }
        }
        if (authUrl != null) {
            try {
                URI discovered = HaloPsaHosts.tokenUri(authUrl, tenant, false);
                // origin first: uri is what tells other threads the endpoint is known
                origin = "discovered from GET /api/AuthInfo (auth_url " + authUrl
                         + (tenant == null ? "" : ", tenant_id " + tenant) + ")";
                uri = discovered;
                LOG.info("HaloPSA at {}: token endpoint {} {}", settings.apiBase().getHost(), uri, origin);
                return;
            } catch (IllegalArgumentException unusable) {
                // an auth_url that is no URL: the default below
            }
        }
        origin = "the default: GET /api/AuthInfo answered " + answer.status()
                 + " without a usable auth_url; set authServer (and tenant) if tokens come from elsewhere";
        uri = settings.tokenUri();
        LOG.info("HaloPSA at {}: token endpoint {}, {}", settings.apiBase().getHost(), uri, origin);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }
}
