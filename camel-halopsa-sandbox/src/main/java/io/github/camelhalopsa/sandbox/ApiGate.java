package io.github.camelhalopsa.sandbox;

import java.util.List;
import java.util.Optional;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelhalopsa.sandbox.spec.HaloOpenApi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * What every call under /api passes before anything answers it, the sandbox's own handling and any stub a test
 * added alike: the rate limit (429), the bearer token (401), and Halo's OpenAPI document (400 with the reason).
 */
final class ApiGate implements StubRequestFilterV2 {

    static final String NAME = "halo-sandbox-gate";

    private final RequestBudget budget;
    private final AccessTokens tokens;
    private final boolean specCheck;

    ApiGate(RequestBudget budget, AccessTokens tokens, boolean specCheck) {
        this.budget = budget;
        this.tokens = tokens;
        this.specCheck = specCheck;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (!Responses.path(request.getUrl()).startsWith("/api/")) {
            return RequestFilterAction.continueWith(request);
        }
        if (!budget.tryAcquire()) {
            // Halo sends no Retry-After that anyone has seen (API notes §3)
            return RequestFilterAction.stopWith(Responses.text(429, budget.message()));
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return RequestFilterAction.stopWith(unauthorized("Bearer"));
        }
        if (tokens.check(header.substring(7).trim()).isEmpty()) {
            return RequestFilterAction.stopWith(unauthorized("Bearer error=\"invalid_token\""));
        }
        if (specCheck) {
            List<String> violations = HaloOpenApi.get().violations(request);
            if (!violations.isEmpty()) {
                return RequestFilterAction.stopWith(Responses.message(400,
                        "The HaloPSA sandbox refused this request: Halo's API description does not allow it. "
                        + String.join(" | ", violations)));
            }
        }
        return RequestFilterAction.continueWith(request);
    }

    /** The token's scopes, for the handler's permission check; the gate has already refused a bad token. */
    Optional<AccessTokens.Issued> grantOf(Request request) {
        String header = request.getHeader("Authorization");
        return header == null || header.length() < 7 ? Optional.empty() : tokens.check(header.substring(7).trim());
    }

    /** ASP.NET's bearer handler, which Halo's API runs on, answers 401 with an empty body and this header. */
    private static ResponseDefinition unauthorized(String challenge) {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge).build();
    }
}
