package io.github.camelhalopsa.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.form;
import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/authinfo}, asked without a token, names the authorisation server and the tenant; HaloAPI's
 * Connect-HaloAPI posts to {@code auth_url + "/token?tenant=" + tenant_id}. That discovery works end to end here.
 */
class AuthInfoTest {

    @Test
    void hostedInstanceNamesItsAuthServerAndTenantWithoutAToken() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().tenant("acme").demoData(false))) {
            HttpResponse<String> response = authInfo(sandbox, "/api/authinfo");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response)).containsExactly(Map.entry("auth_url", sandbox.baseUrl() + "/auth"),
                    Map.entry("tenant_id", "acme"));
            assertThat(tokenFrom(sandbox, json(response)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pathIsMatchedWithoutRegardToCase() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().demoData(false))) {
            assertThat(authInfo(sandbox, "/api/AuthInfo").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onPremiseNamesNoTenant() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().onPremise().demoData(false))) {
            assertThat(json(authInfo(sandbox, "/api/authinfo")))
                    .containsExactly(Map.entry("auth_url", sandbox.baseUrl() + "/auth"));
        }
    }

    @Test
    void trialStyleTokenEndpointIsFoundOnlyThroughDiscovery() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().authServerPath("").demoData(false))) {
            Map<String, Object> info = json(authInfo(sandbox, "/api/authinfo"));

            assertThat(info).containsEntry("auth_url", sandbox.baseUrl());
            assertThat(sandbox.authServer()).isEqualTo(sandbox.baseUrl());
            assertThat(tokenFrom(sandbox, info).statusCode()).isEqualTo(200);
            // the usual hosted path is not served, so a client that guesses it fails
            assertThat(token(sandbox, sandbox.baseUrl() + "/auth/token?tenant=" + sandbox.tenant()).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void anotherAuthServerPathMovesTheTokenEndpoint() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().authServerPath("/identity/")
                .demoData(false))) {
            Map<String, Object> info = json(authInfo(sandbox, "/api/authinfo"));

            assertThat(info).containsEntry("auth_url", sandbox.baseUrl() + "/identity");
            assertThat(tokenFrom(sandbox, info).statusCode()).isEqualTo(200);
            assertThat(new HaloHttp(sandbox).get("/Status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reportedTenantCanDifferFromTheOneChecked() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().tenant("acme").authInfoTenant("stale")
                .demoData(false))) {
            Map<String, Object> info = json(authInfo(sandbox, "/api/authinfo"));

            assertThat(info).containsEntry("tenant_id", "stale");
            assertThat(tokenFrom(sandbox, info).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void discoveryIsNotCountedAgainstTheRateLimitAndIsSpecChecked() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().requestBudget(1, Duration.ofMinutes(5))
                .demoData(false))) {
            for (int i = 0; i < 3; i++) {
                assertThat(authInfo(sandbox, "/api/authinfo").statusCode()).isEqualTo(200);
            }
            assertThat(sandbox.requestsInWindow()).isZero();
            assertThat(authInfo(sandbox, "/api/authinfo?tenant=acme").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void invalidAuthServerPathIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxOptions.defaults().authServerPath("auth"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authServerPath");
    }

    private static HttpResponse<String> authInfo(HaloSandbox sandbox, String path) {
        return HaloHttp.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET());
    }

    /** As HaloAPI builds it: auth_url + "/token", with ?tenant= from tenant_id when there is one. */
    private static HttpResponse<String> tokenFrom(HaloSandbox sandbox, Map<String, Object> info) {
        String url = info.get("auth_url") + "/token" + (info.containsKey("tenant_id") ? "?tenant=" + info.get("tenant_id") : "");
        return token(sandbox, url);
    }

    private static HttpResponse<String> token(HaloSandbox sandbox, String url) {
        return HaloHttp.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("grant_type", "client_credentials", "client_id",
                        sandbox.clientId(), "client_secret", sandbox.clientSecret(), "scope", "all"))));
    }
}
