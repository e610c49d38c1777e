package io.github.camelhalopsa.component.halopsa.bench;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Push against polling, in one run: two New Ticket Record triggers run at once, each against its own sandbox (so the
 * requests each one sends can be counted apart): one with push (the sandbox's webhook, registered by the trigger,
 * calls it through Vert.x platform-http; safety-net poll at its 5-minute default), one polling every 30 s. Tickets are
 * opened in both sandboxes at the same random moments; the latency is from just before a ticket's creation to its
 * exchange. Then both sit idle and the sandboxes count the requests each trigger sends.
 */
final class PushLatencyBench {

    private static final String PATH = "/bench/push";
    private static final String PASSWORD = "bench-Pa55-0b1e";

    record Result(List<Long> pushMillis, List<Long> pollMillis, long idleMillis, int pushIdleRequests,
                  int pollIdleRequests, int pollIdlePolls, long minutes) {
    }

    private PushLatencyBench() {
    }

    static Result run(int tickets, long spreadMillis, long idleMillis) throws Exception {
        long started = System.nanoTime();
        try (HaloSandbox pushHalo = HaloSandbox.start(SandboxOptions.defaults());
             HaloSandbox pollHalo = HaloSandbox.start(SandboxOptions.defaults())) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            CamelContext context = new DefaultCamelContext();
            context.addComponent("halopush", component(pushHalo));
            context.addComponent("halopoll", component(pollHalo));
            VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
            http.setBindHost("127.0.0.1");
            http.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(http));
            Map<Long, Long> pushArrived = new ConcurrentHashMap<>();
            Map<Long, Long> pollArrived = new ConcurrentHashMap<>();
            String url = "http://127.0.0.1:" + port + PATH;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("halopush:ticket?initialDelay=0&webhookPath=" + PATH + "&webhookUsername=halo&webhookPassword=RAW("
                         + PASSWORD + ")&registerWebhook=true&webhookUrl=" + url).routeId("push")
                            .process(exchange -> pushArrived.putIfAbsent(id(exchange.getIn()
                                    .getHeader(HaloPsaConstants.ID, String.class)), System.nanoTime()));
                    from("halopoll:ticket?initialDelay=0&delay=30000").routeId("poll")
                            .process(exchange -> pollArrived.putIfAbsent(id(exchange.getIn()
                                    .getHeader(HaloPsaConstants.ID, String.class)), System.nanoTime()));
                }
            });
            context.start();
            try {
                // the first polls note the newest tickets (since=now); give them a moment
                Thread.sleep(2_000);
                BenchMain.require(pushHalo.data().list(io.github.camelhalopsa.sandbox.SandboxCollection.webhook)
                        .size() == 1, "the push trigger registered no webhook");
                Random random = new Random(14);
                Map<Long, Long> pushCreated = new ConcurrentHashMap<>();
                Map<Long, Long> pollCreated = new ConcurrentHashMap<>();
                long meanGap = spreadMillis / tickets;
                for (int i = 0; i < tickets; i++) {
                    Thread.sleep((long) (random.nextDouble() * 2 * meanGap));
                    long before = System.nanoTime();
                    pushCreated.put(id(pushHalo.openTicket().get("id")), before);
                    before = System.nanoTime();
                    pollCreated.put(id(pollHalo.openTicket().get("id")), before);
                }
                long deadline = System.nanoTime() + 40_000_000_000L;
                while ((pushArrived.size() < tickets || pollArrived.size() < tickets) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                BenchMain.require(pushArrived.keySet().containsAll(pushCreated.keySet()), "push lost a ticket");
                BenchMain.require(pollArrived.keySet().containsAll(pollCreated.keySet()), "the poll lost a ticket");
                List<Long> push = latencies(pushCreated, pushArrived);
                List<Long> poll = latencies(pollCreated, pollArrived);

                int pushBefore = apiRequests(pushHalo);
                int pollBefore = apiRequests(pollHalo);
                int pollPollsBefore = ticketLists(pollHalo);
                Thread.sleep(idleMillis);
                return new Result(push, poll, idleMillis, apiRequests(pushHalo) - pushBefore,
                        apiRequests(pollHalo) - pollBefore, ticketLists(pollHalo) - pollPollsBefore,
                        (System.nanoTime() - started) / 60_000_000_000L);
            } finally {
                context.stop();
            }
        }
    }

    static String report(Result result) {
        double scale = 3_600_000.0 / result.idleMillis();
        double perPoll = result.pollIdlePolls() == 0 ? 0 : (double) result.pollIdleRequests() / result.pollIdlePolls();
        return String.format(Locale.ROOT, """

                Push vs. poll (New Ticket Record trigger, sandbox on loopback, both triggers at once, %d tickets each \
                at random moments)
                  latency, creation to exchange:  push p50 %d ms, p95 %d ms, max %d ms | 30 s poll p50 %d ms, \
                p95 %d ms, max %d ms
                  idle for %d s, API requests counted: push %d, 30 s poll %d (%d polls, %.1f requests per poll)
                  scaled to an hour (x %.0f): push %.0f, 30 s poll %.0f; push's safety net is every 300 s, longer \
                than the idle stretch, so its hourly figure is 12 polls x %.1f requests = %.0f (computed, not counted)
                """, result.pushMillis().size(), percentile(result.pushMillis(), 50),
                percentile(result.pushMillis(), 95), Collections.max(result.pushMillis()),
                percentile(result.pollMillis(), 50), percentile(result.pollMillis(), 95),
                Collections.max(result.pollMillis()), result.idleMillis() / 1000, result.pushIdleRequests(),
                result.pollIdleRequests(), result.pollIdlePolls(), perPoll, scale, result.pushIdleRequests() * scale,
                result.pollIdleRequests() * scale, perPoll, 12 * perPoll);
    }

    private static HaloPsaComponent component(HaloSandbox sandbox) {
        HaloPsaComponent component = new HaloPsaComponent();
        HaloPsaConfiguration configuration = component.getConfiguration();
        configuration.setClientId(sandbox.clientId());
        configuration.setClientSecret(sandbox.clientSecret());
        configuration.setResourceServer(sandbox.resourceServer());
        configuration.setTenant(sandbox.tenant());
        return component;
    }

    private static long id(Object value) {
        return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value));
    }

    private static List<Long> latencies(Map<Long, Long> created, Map<Long, Long> arrived) {
        List<Long> millis = new ArrayList<>();
        created.forEach((id, at) -> millis.add((arrived.get(id) - at) / 1_000_000));
        Collections.sort(millis);
        return millis;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Requests to Halo's API, the token endpoint's included: all count against the tenant's budget. */
    private static int apiRequests(HaloSandbox sandbox) {
        return sandbox.wireMock().getAllServeEvents().size();
    }

    private static int ticketLists(HaloSandbox sandbox) {
        return sandbox.wireMock().findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/Tickets"))).size();
    }
}
