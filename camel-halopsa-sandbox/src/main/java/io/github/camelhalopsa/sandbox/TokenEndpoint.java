package io.github.camelhalopsa.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelhalopsa.sandbox.spec.UrlEncoded;

/**
 * Halo's authorisation server: the OAuth2 client-credentials grant, form-encoded, answering {@code access_token},
 * {@code token_type}, {@code expires_in} and {@code scope} (API notes §1.2). Wrong credentials get 401
 * {@code {"error":"invalid_client"}} (I-HaloAPI#19). A Halo-hosted instance needs its tenant, sent as
 * {@code ?tenant=} (HaloAPI, n8n, CIPP) or, as two SDKs do, in the form; a wrong or missing tenant is answered like
 * an unknown client, since Halo's exact answer to it is not documented.
 */
final class TokenEndpoint implements ResponseDefinitionTransformerV2 {

    static final String NAME = "halo-sandbox-token";

    private final SandboxOptions options;
    private final AccessTokens tokens;

    TokenEndpoint(SandboxOptions options, AccessTokens tokens) {
        this.options = options;
        this.tokens = tokens;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Map<String, List<String>> form = UrlEncoded.parse(request.getBodyAsString());
        Map<String, List<String>> query = Responses.query(request.getUrl());

        String grantType = Responses.first(form, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type",
                    "The sandbox issues tokens for grant_type=client_credentials only");
        }
        String[] basic = basicCredentials(request.getHeader("Authorization"));
        String clientId = basic != null ? basic[0] : Responses.first(form, "client_id");
        String clientSecret = basic != null ? basic[1] : Responses.first(form, "client_secret");
        if (!options.clientId().equals(clientId) || !options.clientSecret().equals(clientSecret)) {
            return oauthError(401, "invalid_client", null);
        }
        if (options.tenant() != null) {
            String tenant = Responses.first(query, "tenant");
            if (tenant == null) {
                tenant = Responses.first(form, "tenant");
            }
            if (!options.tenant().equals(tenant)) {
                return oauthError(401, "invalid_client", tenant == null
                        ? "This Halo-hosted instance needs its tenant: add ?tenant=" + options.tenant()
                        : "Unknown tenant '" + tenant + "'");
            }
        }
        Set<String> granted = Scopes.grant(Scopes.parse(Responses.first(form, "scope")),
                Scopes.parse(options.grantedScopes()));
        if (granted.isEmpty()) {
            return oauthError(400, "invalid_scope", "None of the requested scopes is granted to this application");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.issue(granted));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", tokens.lifetimeSeconds());
        answer.put("scope", Scopes.text(granted));
        return Responses.json(200, answer);
    }

    private static ResponseDefinition oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return Responses.json(status, body);
    }

    /** client_secret_basic, which Halo accepts as well (Nango's provider, API notes §1.2). */
    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
