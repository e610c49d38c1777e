package io.github.camelhalopsa.component.halopsa;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionTest extends HaloPsaTestSupport {

    private static final String AGENTS = "[{\"id\":1,\"name\":\"Alice\"}]";

    private void stubAgents() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).willReturn(json(200, AGENTS)));
    }

    private List<?> listAgents(String uri) {
        return template.requestBody(uri, (Object) null, List.class);
    }

    @Test
    void oneTokenServesEveryEndpointOfTheConnection() {
        stubAgents();
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Status")).willReturn(json(200, "[]")));

        for (int i = 0; i < 3; i++) {
            listAgents("halopsa:agent");
            template.requestBody("halopsa:status", (Object) null);
        }

        List<LoggedRequest> tokens = tokenRequests();
        assertThat(tokens).hasSize(1);
        LoggedRequest token = tokens.get(0);
        assertThat(token.getQueryParams().get("tenant").firstValue()).isEqualTo("acme");
        assertThat(token.formParameter("grant_type").firstValue()).isEqualTo("client_credentials");
        assertThat(token.formParameter("client_id").firstValue()).isEqualTo(CLIENT_ID);
        assertThat(token.formParameter("client_secret").firstValue()).isEqualTo(CLIENT_SECRET);
        assertThat(token.formParameter("scope").firstValue()).isEqualTo("all");
        String issued = apiRequests().get(0).getHeader("Authorization");
        assertThat(apiRequests()).hasSize(6).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(issued));
    }

    @Test
    void concurrentFirstCallsCauseOneTokenRequest() throws Exception {
        stubAgents();
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(okJson("{\"access_token\":\"slow-token\",\"expires_in\":3600}").withFixedDelay(300)));
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<?>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return listAgents("halopsa:agent");
                }));
            }
            start.countDown();
            for (Future<List<?>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(tokenRequests()).hasSize(1);
        halo.verify(callers, WireMock.getRequestedFor(urlPathEqualTo("/api/Agent"))
                .withHeader("Authorization", equalTo("Bearer slow-token")));
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() throws Exception {
        stubAgents();
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(okJson("{\"access_token\":\"short-{{randomValue length=8 type='ALPHANUMERIC'}}\","
                                   + "\"expires_in\":3}").withTransformers("response-template")));

        // both well inside nine tenths of the three-second lifetime (2.7 s), even on a loaded machine
        listAgents("halopsa:agent");
        listAgents("halopsa:agent");
        assertThat(tokenRequests()).hasSize(1);
        Thread.sleep(3000); // past the lifetime, wherever within it the calls above ended
        listAgents("halopsa:agent");

        assertThat(tokenRequests()).hasSize(2);
        List<LoggedRequest> calls = apiRequests();
        assertThat(calls.get(2).getHeader("Authorization")).isNotEqualTo(calls.get(0).getHeader("Authorization"));
    }

    @Test
    void a401RenewsTheTokenAndRetriesOnce() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).inScenario("revoked")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("renewed")
                .willReturn(json(401, "{\"error\":\"invalid_token\"}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).inScenario("revoked")
                .whenScenarioStateIs("renewed").willReturn(json(200, AGENTS)));

        assertThat(listAgents("halopsa:agent")).hasSize(1);

        assertThat(tokenRequests()).hasSize(2);
        List<LoggedRequest> calls = apiRequests();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).getHeader("Authorization")).isNotEqualTo(calls.get(0).getHeader("Authorization"));
    }

    @Test
    void aSecond401FailsTheExchangeAfterOneRetry() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).willReturn(json(401, "{\"error\":\"invalid_token\"}")));

        assertThatThrownBy(() -> listAgents("halopsa:agent"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("401").hasMessageContaining("GET /Agent").hasMessageContaining("retried once");
        assertThat(apiRequests()).hasSize(2);
    }

    @Test
    void rejectedClientSaysWhatToCheckWithoutTheSecret() {
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(json(401, "{\"error\":\"invalid_client\"}")));

        assertThatThrownBy(() -> listAgents("halopsa:agent"))
                .cause().isInstanceOf(HaloPsaAuthenticationException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageContaining("clientId").hasMessageContaining("clientSecret").hasMessageContaining("tenant")
                .message().doesNotContain(CLIENT_SECRET);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void onPremiseSendsNoTenant() {
        stubAgents();

        listAgents("halopsa:agent?onPremise=true");

        assertThat(tokenRequests()).hasSize(1);
        assertThat(tokenRequests().get(0).getQueryParams()).doesNotContainKey("tenant");
    }

    @Test
    void anEndpointOverridingTheConnectionGetsItsOwnToken() throws Exception {
        stubAgents();

        listAgents("halopsa:agent");
        listAgents("halopsa:agent?maxResults=5"); // not a connection setting: same connection
        listAgents("halopsa:agent?clientId=other-app&clientSecret=RAW(other+secret&x)");
        listAgents("halopsa:agent?clientId=other-app&clientSecret=RAW(other+secret&x)&pageSize=50");

        List<LoggedRequest> tokens = tokenRequests();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(1).formParameter("client_id").firstValue()).isEqualTo("other-app");
        assertThat(tokens.get(1).formParameter("client_secret").firstValue()).isEqualTo("other+secret&x");
    }

    @Test
    void printedEndpointsMaskTheSecret() {
        Endpoint endpoint = context.getEndpoint("halopsa:ticket?clientId=abc&clientSecret=RAW(very-secret-value)");

        assertThat(endpoint.toString()).doesNotContain("very-secret-value").contains("clientSecret=xxxxxx");
        halo.verify(0, WireMock.anyRequestedFor(WireMock.urlMatching(".*")));
    }
}
