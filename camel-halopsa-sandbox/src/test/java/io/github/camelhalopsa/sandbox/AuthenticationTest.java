package io.github.camelhalopsa.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.form;
import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The token endpoint and the bearer check, as a Halo-hosted instance answers them. */
class AuthenticationTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static HaloSandbox sandbox;
    private static HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().tenant("acme").clock(CLOCK)
                .tokenLifetime(Duration.ofMinutes(30)));
        http = new HaloHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static String credentials() {
        return form("grant_type", "client_credentials", "client_id", sandbox.clientId(), "client_secret",
                sandbox.clientSecret(), "scope", "all");
    }

    @Test
    void issuesABearerTokenWithItsLifetime() {
        HttpResponse<String> response = http.requestToken("?tenant=acme", credentials());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> token = json(response);
        assertThat(token).containsEntry("token_type", "Bearer").containsEntry("expires_in", 1800)
                .containsEntry("scope", "all");
        assertThat((String) token.get("access_token")).hasSizeGreaterThan(20);
    }

    @Test
    void wrongSecretIsAnInvalidClient() {
        HttpResponse<String> response = http.requestToken("?tenant=acme", form("grant_type", "client_credentials",
                "client_id", sandbox.clientId(), "client_secret", "guess", "scope", "all"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void hostedInstanceChecksTheTenant() {
        HttpResponse<String> wrong = http.requestToken("?tenant=globex", credentials());
        HttpResponse<String> missing = http.requestToken("", credentials());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong)).containsEntry("error", "invalid_client");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat((String) json(missing).get("error_description")).contains("?tenant=acme");
    }

    @Test
    void tenantInTheFormIsAcceptedToo() {
        HttpResponse<String> response = http.requestToken("", credentials() + "&tenant=acme");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsClientSecretBasic() {
        String basic = Base64.getEncoder().encodeToString((sandbox.clientId() + ":" + sandbox.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HaloHttp.send(HttpRequest.newBuilder(
                        URI.create(sandbox.authServer() + "/token?tenant=acme"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheClientCredentialsGrant() {
        HttpResponse<String> response = http.requestToken("?tenant=acme", form("grant_type", "password",
                "client_id", sandbox.clientId(), "client_secret", sandbox.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void onPremiseTakesNoTenant() {
        try (HaloSandbox onPremise = HaloSandbox.start(SandboxOptions.defaults().onPremise().demoData(false))) {
            HaloHttp local = new HaloHttp(onPremise);
            String form = form("grant_type", "client_credentials", "client_id", onPremise.clientId(),
                    "client_secret", onPremise.clientSecret());

            assertThat(local.requestToken("", form).statusCode()).isEqualTo(200);
            assertThat(local.requestToken("?tenant=anything", form).statusCode()).isEqualTo(200);
            assertThat(onPremise.componentProperties()).containsEntry("camel.component.halopsa.on-premise", "true")
                    .doesNotContainKey("camel.component.halopsa.tenant");
        }
    }

    @Test
    void apiCallWithoutTokenIs401WithABearerChallenge() {
        HttpResponse<String> response = http.send("GET", "/Agent", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void unknownTokenIs401() {
        HttpResponse<String> response = http.send("GET", "/Agent", "not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void expiredAndRevokedTokensAre401() {
        String token = http.tokenFor("all");
        assertThat(http.send("GET", "/Agent", token).statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(http.send("GET", "/Agent", token).statusCode()).isEqualTo(401);

        String fresh = http.tokenFor("all");
        sandbox.revokeTokens();
        assertThat(http.send("GET", "/Agent", fresh).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenCarriesOnlyTheScopesAskedFor() {
        HttpResponse<String> response = http.requestToken("?tenant=acme", form("grant_type", "client_credentials",
                "client_id", sandbox.clientId(), "client_secret", sandbox.clientSecret(), "scope", "read:tickets"));
        String readOnly = (String) json(response).get("access_token");

        assertThat(json(response)).containsEntry("scope", "read:tickets");
        assertThat(http.send("GET", "/Tickets", readOnly).statusCode()).isEqualTo(200);
        // reference lists are readable with any token
        assertThat(http.send("GET", "/Status", readOnly).statusCode()).isEqualTo(200);
        HttpResponse<String> forbidden = http.send("GET", "/Client", readOnly);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("read:customers");
    }

    @Test
    void writingNeedsAnEditScope() {
        try (HaloSandbox readOnlyApp = HaloSandbox.start(SandboxOptions.defaults().grantedScopes("read:tickets"))) {
            HaloHttp readOnly = new HaloHttp(readOnlyApp, "read:tickets");

            assertThat(readOnly.get("/Tickets/1").statusCode()).isEqualTo(200);
            HttpResponse<String> post = readOnly.post("/Tickets", "[{\"id\":1,\"summary\":\"changed\"}]");
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).contains("edit:tickets");
            assertThat(readOnlyApp.data().get(SandboxCollection.ticket, 1)).get()
                    .extracting(t -> t.get("summary")).isNotEqualTo("changed");
        }
    }
}
