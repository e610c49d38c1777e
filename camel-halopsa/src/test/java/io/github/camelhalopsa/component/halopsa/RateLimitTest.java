package io.github.camelhalopsa.component.halopsa;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HaloPSA's 429: one gate per connection that every call waits at, Retry-After honoured, a clear error once the
 * retries are spent, and the optional proactive limiter that keeps a connection under the budget.
 */
class RateLimitTest extends HaloPsaTestSupport {

    private static final long BACKOFF_MILLIS = 400;
    private static final String RATE_LIMITED = "{\"ClassName\":\"\",\"Message\":\"Rate Limit Reached - 300 Requests per "
                                               + "rolling 5 minute window\"}";

    @Override
    protected void configureConnection(HaloPsaConfiguration configuration) {
        super.configureConnection(configuration);
        configuration.setRateLimitBackoff(BACKOFF_MILLIS);
        configuration.setRetryBackoff(20);
        configuration.setMaxBackoff(2_000);
        configuration.setMaxRetries(3);
    }

    @Test
    void getIsRepeatedAfterThePause() {
        stubOnceThen("/api/Tickets/5", json(429, RATE_LIMITED), json(200, "{\"id\":5,\"summary\":\"five\"}"));

        long start = System.nanoTime();
        Map<?, ?> ticket = template.requestBody("halopsa:ticket?operation=get&id=5", (Object) null, Map.class);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ticket.get("summary")).isEqualTo("five");
        halo.verify(2, WireMock.getRequestedFor(urlPathEqualTo("/api/Tickets/5")));
        assertThat(tookMillis).as("the call waited for the backoff").isGreaterThanOrEqualTo(BACKOFF_MILLIS);
    }

    @Test
    void postRefusedWith429IsRepeatedAndCreatesOnce() {
        stubOnceThen("/api/Tickets", json(429, RATE_LIMITED), json(201, "{\"id\":88,\"summary\":\"printer\"}"));

        Map<?, ?> saved = template.requestBody("halopsa:ticket?operation=addOrUpdate", Map.of("summary", "printer"),
                Map.class);

        assertThat(saved.get("id")).isEqualTo(88);
        // Halo refused the first POST before doing anything with it, so sending it again cannot create twice
        halo.verify(2, WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets")));
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        stubOnceThen("/api/Tickets/6", json(429, RATE_LIMITED).withHeader("Retry-After", "1"),
                json(200, "{\"id\":6}"));

        template.requestBody("halopsa:ticket?operation=get&id=6", (Object) null, Map.class);

        List<LoggedRequest> sent = sorted(apiRequests());
        assertThat(sent).hasSize(2);
        assertThat(millisBetween(sent.get(0), sent.get(1))).isGreaterThanOrEqualTo(950);
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        // warm up first (token, connection), so that the date is still ahead when the 429 arrives
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/3")).willReturn(json(200, "{\"id\":3}")));
        template.requestBody("halopsa:ticket?operation=get&id=3", (Object) null, Map.class);
        ZonedDateTime retryAt = ZonedDateTime.now().plusSeconds(2).withNano(0);
        stubOnceThen("/api/Tickets/7", json(429, RATE_LIMITED)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt)), json(200, "{\"id\":7}"));

        template.requestBody("halopsa:ticket?operation=get&id=7", (Object) null, Map.class);

        List<LoggedRequest> sent = requestsTo("/api/Tickets/7");
        assertThat(sent).hasSize(2);
        // not before the date Halo gave, however long the 429 took to arrive
        assertThat(sent.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(retryAt.toInstant());
    }

    @Test
    void everyCallWaitsAtTheGateNotOnlyTheRefusedOne() throws Exception {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1")).inScenario("refused").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, RATE_LIMITED)).willSetStateTo("window cleared"));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1")).inScenario("refused")
                .whenScenarioStateIs("window cleared").willReturn(json(200, "{\"id\":1}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/2")).willReturn(json(200, "{\"id\":2}")));
        // warm up: the token, so that the timing below is about the gate only
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/3")).willReturn(json(200, "{\"id\":3}")));
        template.requestBody("halopsa:ticket?operation=get&id=3", (Object) null, Map.class);

        CompletableFuture<Object> refused = CompletableFuture.supplyAsync(
                () -> template.requestBody("halopsa:ticket?operation=get&id=1", (Object) null, Map.class));
        awaitGateClosed(context.getEndpoint("halopsa:ticket?operation=get&id=2", HaloPsaEndpoint.class));
        template.requestBody("halopsa:ticket?operation=get&id=2", (Object) null, Map.class);
        refused.get(10, TimeUnit.SECONDS);

        // ticket 2 never got a 429, was sent once the gate had closed, and left only once the pause was over
        LoggedRequest first429 = requestsTo("/api/Tickets/1").get(0);
        LoggedRequest second = requestsTo("/api/Tickets/2").get(0);
        assertThat(millisBetween(first429, second)).isGreaterThanOrEqualTo(BACKOFF_MILLIS);
    }

    @Test
    void clearErrorOnceTheRetriesAreSpent() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client")).willReturn(json(429, RATE_LIMITED)));

        Exchange result = template.request("halopsa:client?maxRetries=2&rateLimitBackoff=10", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class);
        HaloPsaException error = (HaloPsaException) result.getException();
        assertThat(error.getHttpResponseCode()).isEqualTo(429);
        assertThat(error.getMessage()).contains("429", "GET /Client", "Rate Limit Reached", "Gave up after 3 attempts",
                "rateLimit");
        halo.verify(3, WireMock.getRequestedFor(urlPathEqualTo("/api/Client")));
    }

    /**
     * The proactive limiter: with rateLimit=4 per 2 s, 12 calls from 3 threads (and the token request) spread out
     * over at least three periods, never more than 4 close together at the server.
     */
    @Test
    void proactiveLimiterKeepsTheConnectionUnderTheBudget() throws Exception {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Status")).willReturn(json(200, "[{\"id\":1,\"name\":\"New\"}]")));
        String uri = "halopsa:status?rateLimit=4&rateLimitPeriod=2000";

        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                for (int i = 0; i < 4; i++) {
                    template.requestBody(uri, (Object) null, List.class);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<LoggedRequest> all = sorted(halo.findAll(WireMock.anyRequestedFor(WireMock.anyUrl())));
        assertThat(all).hasSize(13);
        // 1500 of the 2000 ms: a request that left in order may reach a busy server up to 500 ms late
        assertThat(maxInWindow(all, 1500)).as(timeline(all)).isLessThanOrEqualTo(4);
        // a lower bound only: a slow machine makes the run longer, never shorter
        assertThat(millisBetween(all.get(0), all.get(all.size() - 1))).as(timeline(all))
                .isGreaterThanOrEqualTo(3 * 2000 - 100);
    }

    private static String timeline(List<LoggedRequest> sorted) {
        long start = sorted.get(0).getLoggedDate().getTime();
        StringBuilder text = new StringBuilder("requests at ms:");
        sorted.forEach(r -> text.append(' ').append(r.getLoggedDate().getTime() - start));
        return text.toString();
    }

    private static int maxInWindow(List<LoggedRequest> sorted, long windowMillis) {
        int max = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int j = i;
            while (j < sorted.size() && millisBetween(sorted.get(i), sorted.get(j)) < windowMillis) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }

    private static List<LoggedRequest> requestsTo(String path) {
        return sorted(halo.findAll(WireMock.anyRequestedFor(urlPathEqualTo(path))));
    }

    /** Waits for the event itself: the connection has read the 429 and closed its gate. */
    private static void awaitGateClosed(HaloPsaEndpoint endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoint.getConnection().rateLimitedFor().isZero() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(endpoint.getConnection().rateLimitedFor()).as("the gate closed after the 429").isPositive();
    }

    private static List<LoggedRequest> sorted(List<LoggedRequest> requests) {
        List<LoggedRequest> copy = new ArrayList<>(requests);
        copy.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return copy;
    }

    private static long millisBetween(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }
}
