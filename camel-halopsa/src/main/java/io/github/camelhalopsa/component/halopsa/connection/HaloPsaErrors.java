package io.github.camelhalopsa.component.halopsa.connection;

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

    static HaloPsaException forApiCall(HaloRequest request, HaloHttpResponse response, ObjectMapper mapper) {
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
        return new HaloPsaException(message.toString(), response.status(), response.reason(), request.describe(),
                haloMessage);
    }

    static HaloPsaAuthenticationException forTokenRequest(
            ConnectionSettings settings, HaloHttpResponse response, ObjectMapper mapper) {
        String haloMessage = HaloErrorMessage.of(response, mapper);
        String call = "POST " + settings.tokenUri().getPath();
        String message = "HaloPSA's authorisation server at " + settings.tokenUri() + " refused a token ("
                         + response.status()
                         + (haloMessage == null ? "" : " " + haloMessage) + "). Check clientId, clientSecret, tenant and "
                         + "authServer against HaloPSA's Configuration > Integrations > HaloPSA API > API Details, and "
                         + "that the application's authentication method is Client ID and Secret (Services)";
        return new HaloPsaAuthenticationException(message, response.status(), response.reason(), call, haloMessage);
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
