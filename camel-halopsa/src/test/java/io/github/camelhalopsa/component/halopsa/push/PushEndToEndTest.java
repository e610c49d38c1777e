package io.github.camelhalopsa.component.halopsa.push;

import java.io.IOException;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camelhalopsa.component.halopsa.CapturedLog;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.TestFigures;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Push from end to end: the sandbox's outbound webhook, registered by the trigger itself ({@code registerWebhook}),
 * calls the route's listener (Camel's Vert.x platform-http on a free loopback port) with Basic authentication when
 * a ticket is logged, as Halo would. Each test has its own sandbox, since dropping and repeating calls are options of
 * the sandbox's start.
 */
class PushEndToEndTest {

    private static final String PATH = "/halo/e2e";
    private static final String PASSWORD = "e2e-Pa55-4c7d-never-logged";

    private HaloSandbox sandbox;
    private CamelContext context;
    private final List<Long> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void registersItsWebhookOnStartAndARestartUpdatesTheSameOne() throws Exception {
        start(SandboxOptions.defaults(), "delay=300000");

        List<Map<String, Object>> webhooks = sandbox.data().list(SandboxCollection.webhook);
        assertThat(webhooks).hasSize(1);
        Map<String, Object> webhook = webhooks.get(0);
        assertThat(webhook).containsEntry("url", url()).containsEntry("basic_username", "halo")
                .containsEntry("authentication_type", 1);
        assertThat(sandbox.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/api/Webhook"))))
                .hasSize(1);

        context.getRouteController().stopRoute("push");
        context.getRouteController().startRoute("push");

        assertThat(sandbox.wireMock().findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/api/Webhook"))))
                .as("a second POST /Webhook, with the id").hasSize(2);
        List<Map<String, Object>> after = sandbox.data().list(SandboxCollection.webhook);
        assertThat(after).as("GET /Webhook after the restart").hasSize(1);
        assertThat(after.get(0).get("id")).isEqualTo(webhook.get("id"));

        long ticket = openTicket();
        WebhookCalls.await("ticket " + ticket + " by the webhook", Duration.ofSeconds(5),
                () -> delivered.contains(ticket));
        TestFigures.record("push-e2e-register", "push e2e: registerWebhook created 1 webhook, a restart updated it: "
                + after.size() + " webhook in GET /Webhook");
    }

    @Test
    void everyThirdCallDroppedLosesNothing() throws Exception {
        int tickets = 30;
        start(SandboxOptions.defaults().dropEveryNthWebhookCall(3), "delay=2000");

        long begin = System.nanoTime();
        List<Long> opened = new CopyOnWriteArrayList<>();
        for (int i = 0; i < tickets; i++) {
            opened.add(openTicket());
            Thread.sleep(100);
        }
        WebhookCalls.await("all " + tickets + " tickets", Duration.ofSeconds(30),
                () -> delivered.containsAll(opened));
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        Thread.sleep(2_500); // one more safety-net poll: it must bring no second copy

        assertThat(sandbox.webhookCalls().dropped()).isEqualTo(tickets / 3);
        assertThat(delivered).as("each ticket once").hasSize(tickets).containsExactlyInAnyOrderElementsOf(opened);
        TestFigures.record("push-e2e-dropped", "push e2e: " + tickets + " tickets, " + sandbox.webhookCalls().dropped()
                + " of " + (sandbox.webhookCalls().sent() + sandbox.webhookCalls().dropped())
                + " webhook calls dropped, safety-net poll 2 s: " + delivered.size() + " delivered, "
                + (tickets - new HashSet<>(delivered).size()) + " lost, "
                + (delivered.size() - new HashSet<>(delivered).size()) + " duplicates (all in within " + seconds
                + " s)");
    }

    @Test
    void eachCallSentFiveTimesMakesNoDuplicateAndNoMorePollsThanCalls() throws Exception {
        int tickets = 10;
        start(SandboxOptions.defaults().repeatWebhookCalls(5), "delay=300000");
        int pollsBefore = ticketPolls();

        List<Long> opened = new CopyOnWriteArrayList<>();
        for (int i = 0; i < tickets; i++) {
            long ticket = openTicket();
            opened.add(ticket);
            WebhookCalls.await("ticket " + ticket, Duration.ofSeconds(5), () -> delivered.contains(ticket));
            Thread.sleep(200);
        }
        WebhookCalls.await("the last calls", Duration.ofSeconds(5),
                () -> sandbox.webhookCalls().sent() == 5L * tickets);
        Thread.sleep(300);
        int polls = ticketPolls() - pollsBefore;

        assertThat(delivered).as("each ticket once").containsExactlyElementsOf(opened);
        assertThat(sandbox.webhookCalls().failed()).isZero();
        // how many repeats fold into one poll depends on whether they arrive during it (WakeUpsTest pins that down);
        // what holds whatever the timing: at least one poll per ticket, never more than one per call
        assertThat(polls).as("polls for " + (5 * tickets) + " calls").isLessThanOrEqualTo(5 * tickets)
                .isGreaterThanOrEqualTo(tickets);
        TestFigures.record("push-e2e-repeated", "push e2e: " + tickets + " tickets, each webhook call sent 5 times ("
                + sandbox.webhookCalls().sent() + " calls): " + delivered.size() + " exchanges, 0 duplicates, "
                + polls + " polls");
    }

    @Test
    void aWrongCredentialInHalosWebhookIs401AndMakesNoPollAndOnlyTheRefusalIsLogged() throws Exception {
        start(SandboxOptions.defaults(), "delay=300000");
        String wrong = "Wr0ng-" + PASSWORD;
        Map<String, Object> webhook = new LinkedHashMap<>(sandbox.data().list(SandboxCollection.webhook).get(0));
        sandbox.data().save(SandboxCollection.webhook, Map.of("id", webhook.get("id"), "basic_password", wrong));
        int pollsBefore = ticketPolls();

        String log = CapturedLog.of(() -> {
            for (int i = 0; i < 3; i++) {
                sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of("summary", "wrong cred " + i,
                        "user_id", 3)));
            }
            WebhookCalls.await("three refused calls", Duration.ofSeconds(5),
                    () -> sandbox.webhookCalls().failed() == 3);
            Thread.sleep(300); // a refused call that had woken the trigger would have polled by now
        });

        assertThat(ticketPolls()).as("polls after refused calls").isEqualTo(pollsBefore);
        assertThat(delivered).isEmpty();
        String basic = Base64.getEncoder().encodeToString(("halo:" + wrong).getBytes(StandardCharsets.UTF_8));
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(wrong).doesNotContain(basic);
        List<String> componentLines = log.lines().filter(line -> line.contains("camelhalopsa.component")).toList();
        assertThat(componentLines).hasSize(3).allSatisfy(line -> assertThat(line)
                .contains("Refused a HaloPSA webhook call on " + PATH + ": a wrong credential (401)"));
        TestFigures.record("push-e2e-refused", "push e2e: wrong credential in Halo's webhook: "
                + sandbox.webhookCalls().failed() + " calls refused with 401, "
                + (ticketPolls() - pollsBefore) + " polls, " + componentLines.size()
                + " component log lines (the refusals), 0 with the credential");
    }

    private void start(SandboxOptions options, String delay) throws Exception {
        sandbox = HaloSandbox.start(options);
        int port = freePort();
        context = new DefaultCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        HaloPsaConfiguration configuration = component.getConfiguration();
        configuration.setClientId(sandbox.clientId());
        configuration.setClientSecret(sandbox.clientSecret());
        configuration.setResourceServer(sandbox.resourceServer());
        configuration.setTenant(sandbox.tenant());
        context.addComponent("halopsa", component);
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(http));
        this.port = port;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?initialDelay=0&" + delay + "&webhookPath=" + PATH
                     + "&webhookUsername=halo&webhookPassword=RAW(" + PASSWORD + ")&registerWebhook=true&webhookUrl="
                     + url()).routeId("push")
                        .process(exchange -> delivered.add(Long.parseLong(
                                exchange.getIn().getHeader(HaloPsaConstants.ID, String.class))));
            }
        });
        context.start();
        WebhookCalls.await("the webhook's registration", Duration.ofSeconds(10),
                () -> !sandbox.data().list(SandboxCollection.webhook).isEmpty());
        // since=now: the first poll only notes the newest ticket
        WebhookCalls.await("the first poll", Duration.ofSeconds(10),
                () -> ((TriggerConsumer<?>) context.getRoute("push").getConsumer()).state() != null);
    }

    private int port;

    private String url() {
        return "http://127.0.0.1:" + port + PATH;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private long openTicket() {
        return ((Number) sandbox.openTicket().get("id")).longValue();
    }

    private int ticketPolls() {
        return sandbox.wireMock().findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/Tickets"))).size();
    }
}
