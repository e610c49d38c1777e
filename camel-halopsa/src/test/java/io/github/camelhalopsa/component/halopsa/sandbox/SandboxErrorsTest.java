package io.github.camelhalopsa.component.halopsa.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camelhalopsa.component.halopsa.HaloPsaAuthenticationException;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What a route sees when HaloPSA says no: 401, 403, 404, 429 and the sandbox's 400 for a request Halo would not take. */
class SandboxErrorsTest extends SandboxTestSupport {

    @Test
    void anExpiredTokenIsRenewedAndTheCallRetriedOnce() {
        template.requestBody("halopsa:agent", (Object) null, List.class);
        sandbox().revokeTokens();

        List<?> agents = template.requestBody("halopsa:agent", (Object) null, List.class);

        assertThat(agents).hasSize(6);
        sandbox().wireMock().verify(2, postRequestedFor(urlPathEqualTo("/auth/token")));
    }

    @Test
    void wrongSecretFailsWithInvalidClient() {
        Exchange result = template.request("halopsa:agent?clientSecret=RAW(wrong)", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class)
                .hasMessageContaining("invalid_client");
        assertThat(((HaloPsaException) result.getException()).getHttpResponseCode()).isEqualTo(401);
    }

    @Test
    void wrongTenantFailsAtTheTokenEndpoint() {
        Exchange result = template.request("halopsa:agent?tenant=globex", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class)
                .hasMessageContaining("globex");
    }

    @Test
    void missingScopeIs403() {
        Exchange result = template.request("halopsa:ticket?operation=addOrUpdate&scope=read:tickets",
                e -> e.getIn().setBody(Map.of("id", 5, "summary", "Changed without permission")));

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("403")
                .hasMessageContaining("edit:tickets");
        assertThat(sandbox().data().get(SandboxCollection.ticket, 5)).get().extracting(t -> t.get("summary"))
                .isEqualTo("Laptop battery is swelling");
    }

    @Test
    void unknownIdIs404() {
        Exchange result = template.request("halopsa:ticket?operation=get&id=999", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class);
        assertThat(((HaloPsaException) result.getException()).getHttpResponseCode()).isEqualTo(404);
    }

    @Test
    void requestHaloWouldNotTakeIs400WithTheReason() {
        // the ticket type filter on /Tickets is requesttype_id; tickettype_id is not one of Halo's parameters
        Exchange result = template.request("halopsa:ticket?query.tickettype_id=3", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("400")
                .hasMessageContaining("tickettype_id");
        Exchange right = template.request("halopsa:ticket?query.requesttype_id=3", e -> {
        });
        assertThat(right.getException()).isNull();
        assertThat(right.getMessage().getBody(List.class)).extracting(t -> ((Map<?, ?>) t).get("id")).containsExactly(3);
    }

    @Test
    void rateLimitIs429WithHalosMessage() {
        try (HaloSandbox small = HaloSandbox.start(SandboxOptions.defaults().requestBudget(3, Duration.ofMinutes(5)))) {
            // retries off: the component would otherwise wait out Halo's window before giving up
            String uri = "halopsa:status?maxRetries=0&rateLimitBackoff=10&resourceServer=" + small.resourceServer();
            for (int i = 0; i < 3; i++) {
                assertThat(template.request(uri, e -> {
                }).getException()).isNull();
            }

            Exchange refused = template.request(uri, e -> {
            });

            assertThat(refused.getException()).isInstanceOf(HaloPsaException.class)
                    .hasMessageContaining("Rate Limit Reached - 3 Requests per rolling 5 minute window");
            assertThat(((HaloPsaException) refused.getException()).getHttpResponseCode()).isEqualTo(429);
        }
    }

    @Test
    void aFaultInjectedOnTheSandboxReachesTheRoute() {
        sandbox().wireMock().stubFor(WireMock.get(urlPathEqualTo("/api/Client"))
                .willReturn(WireMock.aResponse().withStatus(503).withBody("Service Unavailable")));

        Exchange result = template.request("halopsa:client?maxRetries=0", e -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("503");
        assertThat(template.request("halopsa:site", e -> {
        }).getException()).isNull();
    }

    @Test
    void reportPreviewRunsOverTheSandboxsData() {
        List<Map<String, Object>> rows = template.requestBodyAndHeader("halopsa:report?operation=preview", null,
                HaloPsaConstants.SQL, "SELECT client_name, COUNT(*) AS tickets FROM Faults WHERE deleted = false "
                                      + "GROUP BY client_name ORDER BY client_name", List.class);
        List<Map<String, Object>> saved = template.requestBodyAndHeader("halopsa:report?operation=preview", null,
                HaloPsaConstants.ID, 1, List.class);

        assertThat(rows).contains(Map.of("client_name", "Northwind Logistics", "tickets", 2));
        assertThat(saved).extracting(r -> r.get("team")).contains("Network");
    }

    @Test
    void sqlTheSandboxCannotRunFailsWithItsLoadError() {
        Exchange result = template.request("halopsa:report?operation=preview",
                e -> e.getIn().setHeader(HaloPsaConstants.SQL, "DELETE FROM faults"));

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("cannot run this SQL");
    }
}
