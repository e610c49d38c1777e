package io.github.camelhalopsa.component.halopsa.connection;

import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaAuthenticationException;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequiredFieldsException;

/**
 * Builds the exceptions for Halo's error answers, with a hint where the status has a usual cause (the reference
 * integration's troubleshooting: 403 is a permission of the API application or its agent; a 400 for missing
 * mandatory fields or CAB approval is fixed by passing them or making them optional).
 */
final class HaloPsaErrors {

    private HaloPsaErrors() {
    }

    static HaloPsaException forApiCall(HaloRequest request, HaloHttpResponse response, int attempts,
                                       ObjectMapper mapper) {
        String haloMessage = HaloErrorMessage.of(response, mapper);
        StringBuilder message = new StringBuilder("HaloPSA answered ").append(response.status());
        if (response.reason() != null && !response.reason().isBlank()) {
            message.append(' ').append(response.reason());
        }
        message.append(" to ").append(request.describe());
        message.append(haloMessage == null ? " (no message in the answer)" : ": " + haloMessage);
        RequiredFieldsRejection required = response.status() == 400 ? RequiredFieldsRejection.in(haloMessage) : null;
        String hint = required != null ? required.hint() : hint(response.status());
        if (hint != null) {
            message.append(message.charAt(message.length() - 1) == '.' ? " " : ". ").append(hint);
        }
        if (required != null) {
            return new HaloPsaRequiredFieldsException(message.toString(), response.status(), response.reason(),
                    request.describe(), haloMessage, required.fields(), required.approval());
        }
        if (attempts > 1) {
            message.append(". Gave up after ").append(attempts).append(" attempts");
            if (response.status() == 429) {
                message.append(": raise maxRetries or rateLimitBackoff, or set rateLimit to stay under the budget");
            }
        }
        return new HaloPsaException(message.toString(), response.status(), response.reason(), request.describe(),
                haloMessage);
    }

    /**
     * @param tokenUri the token endpoint that was asked
     * @param origin   how that endpoint was found (configured, discovered from /api/authinfo, or the default)
     */
    static HaloPsaAuthenticationException forTokenRequest(ConnectionSettings settings, URI tokenUri, String origin,
                                                          HaloHttpResponse response, int attempts, ObjectMapper mapper) {
        // an authorisation server or a proxy may echo the form it got: never pass the secret on
        String haloMessage = redact(HaloErrorMessage.of(response, mapper), settings.clientSecret());
        String call = "POST " + tokenUri.getPath();
        String message = "HaloPSA's authorisation server at " + tokenUri
                         + (settings.discoversAuthServer() ? " (" + origin + ")" : "") + " refused a token ("
                         + response.status() + (haloMessage == null ? "" : " " + haloMessage) + "). "
                         + tokenHint(response.status(), attempts);
        return new HaloPsaAuthenticationException(message, response.status(), response.reason(), call, haloMessage);
    }

    /** Only a 4xx says the settings are wrong; a 429 or 5xx that outlasted the retries says Halo is busy or down. */
    private static String tokenHint(int status, int attempts) {
        if (status == 429 || status >= 500) {
            return (status == 429 ? hint(429) : "HaloPSA's authorisation server failed") + "; gave up after " + attempts
                   + " attempts";
        }
        return "Check clientId, clientSecret, tenant and authServer against HaloPSA's Configuration > Integrations > "
               + "HaloPSA API > API Details, and that the application's authentication method is Client ID and Secret "
               + "(Services)";
    }

    /** Masks the secret as written and as the token form encodes it. */
    private static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "xxxxxx").replace(UrlText.encode(secret), "xxxxxx");
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "The access token was renewed and the call retried once; check that the API application is "
                        + "still active and its agent enabled";
            case 403 -> "The API application or the agent it logs in as lacks a permission for this: check the "
                        + "application's permissions and the agent's role, teams and customer restrictions in HaloPSA";
            case 404 -> "No such record, or no such path under /api";
            case 429 -> "HaloPSA's rate limit was reached (Halo-hosted instances allow 300 requests per rolling "
                        + "5 minutes)";
            default -> null;
        };
    }
}
