package io.github.camelhalopsa.component.halopsa;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness check of a HaloPSA connection, as Camel's health output shows it: registered when a route's
 * endpoint starts, DOWN with the reason for a misconfigured tenant, UP once Halo answers, and frugal with Halo's rate
 * budget.
 */
class HealthCheckTest extends HaloPsaTestSupport {

    /** The check's id: halopsa: and the host of the connection. */
    private static final String CHECK_ID = "halopsa:" + URI.create(halo.baseUrl()).getHost();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tickets").to("halopsa:ticket");
            }
        };
    }

    @Test
    void readyWhenHaloIssuesATokenAndAnswers() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(200, "{\"id\":1,\"name\":\"API\"}")));

        HealthCheck.Result result = readiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("halopsa.url", halo.baseUrl() + "/api");
        halo.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me")));
        assertThat(tokenRequests()).hasSize(1);
    }

    @Test
    void registeredPerConnectionAsReadinessOnly() {
        // a second endpoint with the same connection settings shares the connection, and so the check
        context.getEndpoint("halopsa:client?pageSize=50");

        assertThat(HealthCheckRegistry.get(context).getCheckIDs()).containsExactly(CHECK_ID);
        HealthCheck check = HealthCheckHelper.getHealthCheck(context, CHECK_ID);
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).as("a HaloPSA outage is no reason to restart the application").isFalse();
    }

    @Test
    void downWithTheReasonWhenTheSecretIsWrong() {
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(json(401, "{\"error\":\"invalid_client\"}")));

        HealthCheck.Result result = readiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("refused a token", "invalid_client", "clientSecret")
                .doesNotContain(CLIENT_SECRET);
        assertThat(result.getError()).get().isInstanceOf(HaloPsaAuthenticationException.class);
        assertThat(result.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void downWhenTheApplicationLacksPermission() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(403, "{\"Message\":\"Forbidden\"}")));

        HealthCheck.Result result = readiness();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("403", "GET /Agent/me", "permission");
    }

    @Test
    void aFailedProbeIsNotRepeatedAtOnce() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(503, "{\"Message\":\"down\"}")));

        HealthCheck.Result first = readiness();
        HealthCheck.Result second = readiness();

        assertThat(first.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(second.getState()).isEqualTo(HealthCheck.State.DOWN);
        // a probe goes once, without the retries a route's call gets, and its failure is reused for a while
        halo.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me")));
    }

    @Test
    void aRecentCallOfTheRoutesMakesAProbeUnnecessary() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets"))
                .willReturn(json(200, "{\"record_count\":1,\"tickets\":[{\"id\":1}]}")));
        template.requestBody("direct:tickets", (Object) null);

        for (int poll = 0; poll < 5; poll++) {
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        }

        halo.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me")));
    }

    @Test
    void repeatedReadinessPollsCostOneCall() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(200, "{\"id\":1}")));

        for (int poll = 0; poll < 10; poll++) {
            assertThat(readiness().getState()).isEqualTo(HealthCheck.State.UP);
        }

        halo.verify(1, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me")));
    }

    @Test
    void upWhileTheRateLimitGateIsClosed() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client")).willReturn(json(429, "{\"Message\":\"Rate Limit Reached\"}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent/me")).willReturn(json(200, "{\"id\":1}")));
        // maxRetries=0: the call fails at once, and leaves the connection's gate closed for a minute
        template.request("halopsa:client?maxRetries=0&rateLimitBackoff=60000", exchange -> {
        });

        // the endpoint's own retry options give it a connection, and a check, of its own
        HealthCheck.Result result = readiness(CHECK_ID + "#2");

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getMessage()).get().asString().contains("429");
        halo.verify(0, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent/me")));
    }

    private HealthCheck.Result readiness() {
        return readiness(CHECK_ID);
    }

    /** As Camel's readiness endpoint calls a check, with its result exposed in full. */
    private HealthCheck.Result readiness(String id) {
        return invoke(id).stream()
                .filter(r -> r.getCheck().getId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no readiness result for " + id + " among "
                                                      + HealthCheckRegistry.get(context).getCheckIDs()));
    }

    private Collection<HealthCheck.Result> invoke(String id) {
        return HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                check -> !check.isReadiness() || !check.getId().equals(id), "full");
    }
}
