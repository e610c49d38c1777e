package io.github.camelhalopsa.component.halopsa.push;

import java.net.http.HttpResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.camelhalopsa.component.halopsa.CapturedLog;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.HaloSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The New Ticket Record trigger with push on, against the HaloPSA sandbox, its webhook listener served by Camel's
 * Vert.x platform-http on loopback. The scheduled poll is 5 minutes away throughout, so every delivery here is a
 * webhook's doing.
 */
class PushListenerTest extends CamelTestSupport {

    private static final String PATH = "/halo/hook";
    private static final String TOKEN = "wh-T0ken-7f3a9c-never-logged";

    @RegisterExtension
    static HaloSandboxExtension halo = HaloSandboxExtension.create().resetBeforeEachTest();

    private final WebhookCalls calls = new WebhookCalls();
    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<Long> changed = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdTicket;
    private volatile long heldTicket = -1;
    private final CountDownLatch ticketHeld = new CountDownLatch(1);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        HaloPsaConfiguration configuration = component.getConfiguration();
        HaloSandbox sandbox = halo.sandbox();
        configuration.setClientId(sandbox.clientId());
        configuration.setClientSecret(sandbox.clientSecret());
        configuration.setResourceServer(sandbox.resourceServer());
        configuration.setTenant(sandbox.tenant());
        context.addComponent("halopsa", component);
        calls.serveOn(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?initialDelay=0&webhookPath=" + PATH + "&webhookToken=RAW(" + TOKEN + ")")
                        .routeId("push")
                        .process(exchange -> {
                            long id = Long.parseLong(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class));
                            if (id == heldTicket) {
                                ticketHeld.countDown();
                                holdTicket.await(10, TimeUnit.SECONDS);
                            }
                            delivered.add(id);
                        });
                // a trigger of another kind, on a path of its own
                from("halopsa:ticket?trigger=updated&initialDelay=0&webhookPath=/halo/changes&webhookToken=RAW("
                     + TOKEN + ")").routeId("changes")
                        .process(exchange -> changed.add(Long.parseLong(
                                exchange.getIn().getHeader(HaloPsaConstants.ID, String.class))));
            }
        };
    }

    @BeforeEach
    void baseline() throws Exception {
        // since=now: the first poll, at once, only notes the newest ticket
        WebhookCalls.await("the first poll", Duration.ofSeconds(10), () -> trigger().state() != null);
        WebhookCalls.await("the change trigger's first poll", Duration.ofSeconds(10),
                () -> changeTrigger().state() != null);
        assertThat(trigger().getDelay()).as("the safety-net poll's delay with push on").isEqualTo(300_000);
    }

    @Test
    void aCallWithTheTokenIsAnsweredAndTheNewTicketArrivesWithinASecond() throws Exception {
        long ticket = openTicket();

        long sent = System.nanoTime();
        HttpResponse<String> answer = calls.post(PATH, WebhookCalls.bearer(TOKEN));
        WebhookCalls.await("ticket " + ticket, Duration.ofSeconds(5), () -> delivered.contains(ticket));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(millis).as("from the webhook call to the exchange").isLessThan(1_000);
        assertThat(delivered).containsExactly(ticket);
        System.out.println("push: webhook call to exchange in " + millis + " ms");
    }

    @Test
    void aMissingOrWrongCredentialIs401AndMakesNoPollAndIsNotLogged() throws Exception {
        long ticket = openTicket();
        int polls = ticketPolls();

        String log = CapturedLog.of(() -> {
            assertRefused(calls.post(PATH, null));
            assertRefused(calls.post(PATH, WebhookCalls.bearer("wrong-" + TOKEN)));
            assertRefused(calls.post(PATH, WebhookCalls.bearer(TOKEN.substring(0, TOKEN.length() - 1))));
            assertRefused(calls.post(PATH, WebhookCalls.basic("halo", TOKEN)));
            // a refused call that had woken the trigger would have queued its poll before the answer: give it time
            Thread.sleep(300);
        });

        assertThat(ticketPolls()).as("polls after refused calls").isEqualTo(polls);
        assertThat(delivered).isEmpty();
        assertThat(log).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12))
                .contains("Refused a HaloPSA webhook call on " + PATH);
        assertThat(log.lines().filter(line -> line.contains("Refused a HaloPSA webhook call"))).hasSize(4);

        assertThat(calls.post(PATH, WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
        WebhookCalls.await("ticket " + ticket, Duration.ofSeconds(5), () -> delivered.contains(ticket));
    }

    @Test
    void otherMethodsAre405AndOtherPaths404() throws Exception {
        int polls = ticketPolls();

        assertThat(calls.get(PATH).statusCode()).isEqualTo(405);
        assertThat(calls.post("/halo/other", WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(404);

        Thread.sleep(300);
        assertThat(ticketPolls()).isEqualTo(polls);
    }

    @Test
    void fiveCallsDuringAPollMakeOneMorePoll() throws Exception {
        long first = openTicket();
        holdTicket = new CountDownLatch(1);
        heldTicket = first;
        assertThat(calls.post(PATH, WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
        assertThat(ticketHeld.await(5, TimeUnit.SECONDS)).as("the poll reached the route").isTrue();
        int pollsBefore = ticketPolls();
        long second = openTicket();

        for (int i = 0; i < 5; i++) {
            // answered while the poll is held in the route: the answer does not wait for a poll
            assertThat(calls.post(PATH, WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
        }
        holdTicket.countDown();
        WebhookCalls.await("ticket " + second, Duration.ofSeconds(5), () -> delivered.contains(second));
        Thread.sleep(300);

        assertThat(ticketPolls() - pollsBefore).as("polls after the burst").isEqualTo(1);
        assertThat(delivered).containsExactly(first, second);
    }

    @Test
    void theScheduledPollWaitsWhileAWakeUpPollRuns() throws Exception {
        long first = openTicket();
        holdTicket = new CountDownLatch(1);
        heldTicket = first;
        assertThat(calls.post(PATH, WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
        assertThat(ticketHeld.await(5, TimeUnit.SECONDS)).as("the wake-up poll reached the route").isTrue();
        int pollsBefore = ticketPolls();

        // what the scheduler does when the delay is up
        Thread scheduler = new Thread(() -> trigger().run(), "scheduled-poll");
        scheduler.start();
        WebhookCalls.await("the scheduled poll to wait for the lock", Duration.ofSeconds(5),
                () -> scheduler.getState() == Thread.State.WAITING);
        assertThat(ticketPolls()).isEqualTo(pollsBefore);

        holdTicket.countDown();
        scheduler.join(5_000);
        assertThat(scheduler.isAlive()).isFalse();
        assertThat(ticketPolls()).isEqualTo(pollsBefore + 1);
        assertThat(delivered).containsExactly(first);
    }

    @Test
    void aCallToTheChangeTriggersPathDeliversTheChangeAndWakesOnlyThatTrigger() throws Exception {
        long ticket = openTicket();
        template.sendBody("halopsa:ticket?operation=addOrUpdate",
                Map.of("id", ticket, "summary", "Printer on floor 2 offline (updated)"));

        long sent = System.nanoTime();
        assertThat(calls.post("/halo/changes", WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
        WebhookCalls.await("a change of ticket " + ticket, Duration.ofSeconds(5), () -> changed.contains(ticket));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

        assertThat(millis).as("from the webhook call to the exchange").isLessThan(1_000);
        assertThat(changeTrigger().getDelay()).isEqualTo(300_000);
        assertThat(delivered).as("the new-ticket trigger was not woken").isEmpty();
        System.out.println("push: webhook call to change exchange in " + millis + " ms");
    }

    private TriggerConsumer<?> changeTrigger() {
        return (TriggerConsumer<?>) context.getRoute("changes").getConsumer();
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(answer.headers().map().toString()).doesNotContain(TOKEN);
    }

    private TriggerConsumer<?> trigger() {
        return (TriggerConsumer<?>) context.getRoute("push").getConsumer();
    }

    private static long openTicket() {
        Map<String, Object> ticket = halo.sandbox().openTicket();
        return ((Number) ticket.get("id")).longValue();
    }

    /** The trigger's polls so far: each asks the sandbox for the newest page of tickets. */
    private static int ticketPolls() {
        return halo.sandbox().wireMock()
                .findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/api/Tickets"))).size();
    }
}
