package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns the host settings users paste from HaloPSA's API Details page into the two URLs the component calls:
 * the API base ({@code https://host/api}) and the token endpoint ({@code https://authhost/auth/token?tenant=t}).
 * <p>
 * Users paste {@code example.halopsa.com}, {@code https://example.halopsa.com/api}, with or without a trailing
 * slash; a low-code peer's setup page warns that pasted {@code https://} and {@code /api} break its form, so here
 * every such form is accepted.
 */
public final class HaloPsaHosts {

    private final URI apiBase;
    private final URI tokenUri;
    private final boolean discoversAuthServer;

    private HaloPsaHosts(URI apiBase, URI tokenUri, boolean discoversAuthServer) {
        this.apiBase = apiBase;
        this.tokenUri = tokenUri;
        this.discoversAuthServer = discoversAuthServer;
    }

    /**
     * @param resourceServer the resource server as configured (required)
     * @param authServer     the authorisation server, or null for the resource host + /auth
     * @param tenant         the tenant of a Halo-hosted instance, or null
     * @param onPremise      true for on-premise installs, which take no tenant
     */
    public static HaloPsaHosts of(String resourceServer, String authServer, String tenant, boolean onPremise) {
        if (isBlank(resourceServer)) {
            throw new IllegalArgumentException("The HaloPSA resource server is not set: set resourceServer "
                    + "(camel.component.halopsa.resource-server), for example example.halopsa.com");
        }
        URI resource = parse("resourceServer", resourceServer);
        String resourceRoot = stripSuffix(withoutTrailingSlash(resource.toString()), "/api");
        URI apiBase = URI.create(resourceRoot + "/api");

        URI token = isBlank(authServer) ? tokenUri(resourceRoot + "/auth", tenant, onPremise)
                : tokenUri(authServer, tenant, onPremise);
        // with neither an authorisation server nor a tenant, Halo's /api/authinfo says where tokens come from
        boolean discover = isBlank(authServer) && isBlank(tenant) && !onPremise;
        return new HaloPsaHosts(apiBase, token, discover);
    }

    /**
     * The token endpoint of an authorisation server, given as configured or as Halo's {@code /api/authinfo} names it
     * ({@code auth_url}), with the tenant query where one applies.
     */
    static URI tokenUri(String authServer, String tenant, boolean onPremise) {
        String authRoot = stripSuffix(withoutTrailingSlash(parse("authServer", authServer).toString()), "/token");
        String token = authRoot + "/token";
        if (!onPremise && !isBlank(tenant)) {
            token += "?tenant=" + UrlText.encode(tenant.trim());
        }
        return URI.create(token);
    }

    /** The API base, e.g. {@code https://example.halopsa.com/api}, without a trailing slash. */
    public URI apiBase() {
        return apiBase;
    }

    /** The OAuth2 token endpoint, with the tenant query where one applies. */
    public URI tokenUri() {
        return tokenUri;
    }

    /**
     * Whether the token endpoint is to be asked of Halo's {@code /api/authinfo} ({@link #tokenUri()} is then the
     * fallback): true when neither authServer nor tenant is set and the instance is not on premise.
     */
    public boolean discoversAuthServer() {
        return discoversAuthServer;
    }

    private static URI parse(String option, String value) {
        String text = value.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int schemeEnd = text.indexOf("://");
            text = lower.substring(0, schemeEnd) + text.substring(schemeEnd);
        } else if (lower.contains("://")) {
            throw invalid(option, value, "only http:// and https:// are supported");
        } else {
            text = "https://" + text;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw invalid(option, value, "no host name found");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw invalid(option, value, "a query or fragment is not allowed");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(option, value, e.getReason());
        }
    }

    private static IllegalArgumentException invalid(String option, String value, String reason) {
        return new IllegalArgumentException("Invalid HaloPSA " + option + " '" + value + "': " + reason
                + ". Expected a host name such as example.halopsa.com or a URL such as https://example.halopsa.com"
                + ("authServer".equals(option) ? "/auth" : "/api"));
    }

    private static String withoutTrailingSlash(String text) {
        String result = text;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String stripSuffix(String text, String suffix) {
        if (text.toLowerCase(Locale.ROOT).endsWith(suffix)) {
            return withoutTrailingSlash(text.substring(0, text.length() - suffix.length()));
        }
        return text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
