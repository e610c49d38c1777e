package io.github.camelhalopsa.sandbox;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static io.github.camelhalopsa.sandbox.HaloHttp.jsonList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Halo's outbound webhooks: registered through POST /Webhook or the options, called on the events they name, with
 * their authentication, from a background thread; dropped and repeated on purpose when told.
 */
class OutboundWebhooksTest {

    private WebhookReceiver receiver;
    private HaloSandbox sandbox;

    @BeforeEach
    void receiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.stop();
        }
        receiver.close();
    }

    @Test
    void aWebhookPostedThroughTheApiIsListedWithoutItsPasswordAndCalledWithBasicAuth() throws Exception {
        sandbox = HaloSandbox.start();
        HaloHttp http = new HaloHttp(sandbox);

        HttpResponse<String> posted = http.post("/Webhook", "[{\"name\":\"camel\",\"type\":0,\"url\":\""
                + receiver.url("/halo") + "\",\"method\":0,\"active\":true,\"authentication_type\":1,"
                + "\"basic_username\":\"halo\",\"basic_password\":\"s3cret\",\"events\":[{\"eventno\":3}]}]");

        assertThat(posted.statusCode()).isEqualTo(201);
        Map<String, Object> saved = json(posted);
        assertThat((String) saved.get("id")).matches("[0-9a-f-]{36}");
        assertThat(posted.body()).doesNotContain("s3cret");
        HttpResponse<String> listed = http.get("/Webhook");
        // a bare array, as Halo answers GET /Webhook (API notes §7 #4)
        assertThat(jsonList(listed)).extracting(w -> w.get("id")).containsExactly(saved.get("id"));
        assertThat(listed.body()).doesNotContain("s3cret").contains("basic_username");
        assertThat(http.get("/Webhook/" + saved.get("id")).body()).doesNotContain("s3cret");

        Map<String, Object> ticket = json(http.post("/Tickets", "[{\"summary\":\"Scanner offline\",\"user_id\":3}]"));

        WebhookReceiver.Call call = receiver.next();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/halo");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(call.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("halo:s3cret".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> payload = call.json();
        assertThat(payload).containsEntry("webhook_id", saved.get("id")).containsEntry("event", "new ticket logged")
                .containsEntry("object_id", ticket.get("id")).containsEntry("notification_id", 3)
                .containsKeys("id", "escmsg_id", "message", "timestamp");
        assertThat((String) payload.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
        assertThat(object(payload, "ticket")).containsEntry("id", ticket.get("id"))
                .containsEntry("summary", "Scanner offline");
        assertThat(sandbox.webhookCalls()).isEqualTo(new WebhookCalls(1, 0, 0));
    }

    @Test
    void onlyTheEventsAWebhookNamesCallIt() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().webhook(receiver.url("/changes"),
                WebhookEvent.TICKET_UPDATED, WebhookEvent.USER_UPDATED));
        HaloHttp http = new HaloHttp(sandbox);

        Map<String, Object> ticket = sandbox.openTicket();          // New Ticket Logged: not named
        http.post("/Client", "[{\"id\":2,\"name\":\"Acme\"}]");    // Client Updated: not named
        http.post("/Actions", "[{\"ticket_id\":" + ticket.get("id") + ",\"outcome\":\"Phone Call\",\"note\":\"n\"}]");
        http.post("/Users", "[{\"id\":1,\"surname\":\"Rossi\"}]");

        List<Map<String, Object>> payloads = receiver.next(2).stream().map(WebhookReceiver.Call::json).toList();
        // in the order of the changes: the ticket the action changed (one call, the action beside it), the user
        assertThat(payloads).extracting(p -> p.get("event")).containsExactly("ticket updated by user",
                "user updated");
        assertThat(payloads.get(0)).containsEntry("object_id", ticket.get("id")).containsEntry("notification_id", 19)
                .containsKeys("ticket", "action");
        assertThat(object(payloads.get(0), "action")).containsEntry("note", "n");
        assertThat(object(payloads.get(1), "user")).containsEntry("id", 1);
        assertThat(receiver.pending()).isEmpty();
        assertThat(sandbox.webhookCalls().sent()).isEqualTo(2);
    }

    @Test
    void aStatusChangeFiresItsEventBesideTheUpdateAndAClosureFiresClosedToo() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().webhook(receiver.url("/tickets"),
                WebhookEvent.TICKET_UPDATED, WebhookEvent.TICKET_STATUS_CHANGED, WebhookEvent.TICKET_CLOSED));
        HaloHttp http = new HaloHttp(sandbox);
        Map<String, Object> ticket = sandbox.openTicket();          // 3 New Ticket Logged: not named

        http.post("/Tickets", "[{\"id\":" + ticket.get("id") + ",\"summary\":\"Printer jam\"}]");
        http.post("/Tickets", "[{\"id\":" + ticket.get("id") + ",\"status_id\":2}]");
        http.post("/Actions", "[{\"ticket_id\":" + ticket.get("id") + ",\"outcome\":\"Closed\",\"new_status\":"
                + SandboxData.CLOSED_STATUS + "}]");

        assertThat(receiver.next(6).stream().map(call -> call.json().get("notification_id")).toList())
                .containsExactly(19, 19, 76, 19, 76, 39);
        assertThat(receiver.pending()).isEmpty();
    }

    @Test
    void bearerAndApiKeyWebhooksSendTheirCredential() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults()
                .webhookWithBearerToken(receiver.url("/bearer"), "t0ken", WebhookEvent.CLIENT_UPDATED)
                .webhookWithApiKey(receiver.url("/key"), "X-Api-Key", "k3y", WebhookEvent.CLIENT_UPDATED));

        sandbox.data().save(SandboxCollection.client, new LinkedHashMap<>(Map.of("id", 3, "name", "Northwind")));

        Map<String, WebhookReceiver.Call> byPath = receiver.next(2).stream()
                .collect(Collectors.toMap(WebhookReceiver.Call::path, call -> call));
        assertThat(byPath.get("/bearer").authorization()).isEqualTo("Bearer t0ken");
        assertThat(byPath.get("/key").apiKey()).isEqualTo("k3y");
        assertThat(byPath.get("/key").authorization()).isNull();
    }

    @Test
    void aPostWithTheIdUpdatesTheWebhookAndDeleteOrInactiveStopsIt() throws Exception {
        sandbox = HaloSandbox.start();
        HaloHttp http = new HaloHttp(sandbox);
        String id = (String) json(http.post("/Webhook", "[{\"name\":\"camel\",\"url\":\"" + receiver.url("/one")
                + "\",\"events\":[{\"eventno\":902}]}]")).get("id");

        http.post("/Webhook", "[{\"id\":\"" + id + "\",\"url\":\"" + receiver.url("/two") + "\"}]");
        assertThat(jsonList(http.get("/Webhook"))).hasSize(1);
        http.post("/Client", "[{\"id\":2,\"name\":\"Acme\"}]");
        assertThat(receiver.next().path()).isEqualTo("/two");

        http.post("/Webhook", "[{\"id\":\"" + id + "\",\"active\":false}]");
        http.post("/Client", "[{\"id\":2,\"name\":\"Acme Dental\"}]");
        http.post("/Webhook", "[{\"id\":\"" + id + "\",\"active\":true}]");
        http.post("/Client", "[{\"id\":2,\"name\":\"Acme Dental Group\"}]");
        // the change made while inactive was never sent: the next call is the one after
        assertThat(object(receiver.next().json(), "client").get("name")).isEqualTo("Acme Dental Group");

        assertThat(http.delete("/Webhook/" + id).statusCode()).isEqualTo(200);
        assertThat(jsonList(http.get("/Webhook"))).isEmpty();
        // a webhook by name instead of number, to show the deleted one stays silent
        http.post("/Webhook", "[{\"name\":\"by name\",\"url\":\"" + receiver.url("/three")
                + "\",\"events\":[{\"name\":\"Client Updated\"}]}]");
        http.post("/Client", "[{\"id\":2,\"name\":\"Acme\"}]");
        assertThat(receiver.next().path()).isEqualTo("/three");
        assertThat(receiver.pending()).isEmpty();
    }

    @Test
    void everyThirdCallIsDroppedAndCounted() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().dropEveryNthWebhookCall(3)
                .webhook(receiver.url("/hook"), WebhookEvent.TICKET_UPDATED));

        // the tenth change is sent after the ninth was dropped, so its arrival says the ninth was dealt with
        for (int i = 1; i <= 10; i++) {
            sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of("id", 5, "priority_id", i % 4 + 1)));
        }

        List<WebhookReceiver.Call> received = receiver.next(7);
        List<String> changes = sandbox.changeLog().stream().map(RecordVersion::changedAt).toList();
        List<Object> delivered = received.stream().map(call -> object(call.json(), "ticket")
                .get("last_update")).collect(Collectors.toList());
        // calls 3, 6 and 9 never left
        assertThat(delivered).containsExactly(changes.get(0), changes.get(1), changes.get(3), changes.get(4),
                changes.get(6), changes.get(7), changes.get(9));
        assertThat(sandbox.webhookCalls()).isEqualTo(new WebhookCalls(7, 3, 0));
    }

    @Test
    void eachCallIsRepeatedFiveTimes() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().repeatWebhookCalls(5)
                .webhook(receiver.url("/hook"), WebhookEvent.TICKET_LOGGED));

        sandbox.openTicket();
        sandbox.openTicket();

        List<Object> deliveries = receiver.next(10).stream().map(call -> call.json().get("id")).toList();
        assertThat(deliveries.subList(0, 5)).containsOnly(deliveries.get(0));
        assertThat(deliveries.subList(5, 10)).containsOnly(deliveries.get(5)).doesNotContain(deliveries.get(0));
        assertThat(sandbox.webhookCalls()).isEqualTo(new WebhookCalls(10, 0, 0));
    }

    @Test
    void theCallComesFromABackgroundThreadNotTheRequest() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().webhookTimeout(Duration.ofSeconds(15))
                .webhook(receiver.url("/slow"), WebhookEvent.TICKET_LOGGED));
        receiver.holdAnswers();
        HaloHttp http = new HaloHttp(sandbox);

        HttpResponse<String> created = http.post("/Tickets", "[{\"summary\":\"Scanner offline\",\"user_id\":3}]");

        // the API answered though the webhook call has not been answered: had the request thread made the call,
        // the POST would have waited for the receiver's answer
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(receiver.answered()).isZero();
        assertThat(receiver.awaitFirstArrival(Duration.ofSeconds(10))).isTrue();
        assertThat(http.get("/Tickets/" + json(created).get("id")).statusCode()).isEqualTo(200);
        receiver.release();
        assertThat(receiver.next().json()).containsEntry("object_id", json(created).get("id"));
    }

    @Test
    void aFailingOrUnreachableReceiverCountsAsFailedAndChangesNothingElse() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sandbox = HaloSandbox.start(SandboxOptions.defaults().webhookTimeout(Duration.ofSeconds(1))
                .webhook("http://127.0.0.1:" + closedPort + "/gone", WebhookEvent.SITE_UPDATED)
                .webhook(receiver.url("/error"), WebhookEvent.SITE_UPDATED));
        receiver.answer(500);

        Map<String, Object> site = sandbox.data().save(SandboxCollection.site,
                new LinkedHashMap<>(Map.of("id", 2, "name", "Main Surgery")));

        assertThat(receiver.next().path()).isEqualTo("/error");
        assertThat(sandbox.data().get(SandboxCollection.site, 2).orElseThrow()).isEqualTo(site);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // the count follows the answer, which no receiver hands to the test: look again briefly, bounded
        while (sandbox.webhookCalls().failed() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(sandbox.webhookCalls()).isEqualTo(new WebhookCalls(2, 0, 2));
    }

    @Test
    void resetKeepsTheConfiguredWebhooksAndZeroesTheCounts() throws Exception {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().webhook(receiver.url("/hook"),
                WebhookEvent.ASSET_UPDATED));
        sandbox.data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("id", 1, "key_field", "a")));
        receiver.next();

        sandbox.reset();

        assertThat(sandbox.webhookCalls()).isEqualTo(new WebhookCalls(0, 0, 0));
        assertThat(sandbox.data().list(SandboxCollection.webhook)).hasSize(1);
        sandbox.data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("id", 1, "key_field", "b")));
        assertThat(object(receiver.next().json(), "asset").get("key_field")).isEqualTo("b");
    }

    @Test
    void badWebhookOptionsAreRefusedNamingTheOption() {
        SandboxOptions options = SandboxOptions.defaults();
        assertThatThrownBy(() -> options.webhook("ftp://x", WebhookEvent.TICKET_LOGGED))
                .hasMessageContaining("webhook url").hasMessageContaining("ftp://x");
        assertThatThrownBy(() -> options.webhook("http://127.0.0.1/x")).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> options.dropEveryNthWebhookCall(-1)).hasMessageContaining("dropEveryNthWebhookCall");
        assertThatThrownBy(() -> options.repeatWebhookCalls(0)).hasMessageContaining("repeatWebhookCalls");
        assertThatThrownBy(() -> options.webhookWithBearerToken("http://127.0.0.1/x", " ",
                WebhookEvent.TICKET_LOGGED)).hasMessageContaining("webhook token");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> payload, String key) {
        assertThat(payload).containsKey(key);
        return (Map<String, Object>) payload.get(key);
    }
}
