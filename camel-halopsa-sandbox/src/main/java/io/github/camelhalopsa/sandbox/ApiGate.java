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
 * {@code GET /api/authinfo}, which clients ask before they have a token, passes only the document check.
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
        String path = Responses.path(request.getUrl());
        if (!path.startsWith("/api/")) {
            return RequestFilterAction.continueWith(request);
        }
        // /api/authinfo is asked before there is a token (HaloAPI's Connect-HaloAPI); like the token endpoint it is
        // not counted against the rate limit (a guess: nobody has recorded either way)
        if (!isAuthInfo(path)) {
            if (!budget.tryAcquire()) {
                // JSON with Halo's text and no Retry-After: no source shows one (R5)
                return RequestFilterAction.stopWith(Responses.rateLimited(budget.message()));
            }
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return RequestFilterAction.stopWith(unauthorized("Bearer"));
            }
            if (tokens.check(header.substring(7).trim()).isEmpty()) {
                return RequestFilterAction.stopWith(unauthorized("Bearer error=\"invalid_token\""));
            }
        }
        if (specCheck) {
            List<String> violations = HaloOpenApi.get().violations(request);
            if (!violations.isEmpty()) {
                return RequestFilterAction.stopWith(Responses.exception(400,
                        "The HaloPSA sandbox refused this request: Halo's API description does not allow it. "
                        + String.join(" | ", violations)));
            }
        }
        return RequestFilterAction.continueWith(request);
    }

    /** Halo's unauthenticated discovery call, matched without regard to case as Halo matches paths. */
    static boolean isAuthInfo(String path) {
        return path.equalsIgnoreCase("/api/authinfo");
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
