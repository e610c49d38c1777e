package io.github.camelhalopsa.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workflow of the examples, run by its routes (Java DSL or YAML) against a sandbox: the test makes something
 * happen in the sandbox, as a user or technician would, and checks what the route changed in the sandbox's records.
 */
abstract class WorkflowsTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static HaloSandbox sandbox;
    private static ExamplesApp app;
    private static Path inbox;
    private static final ByteArrayOutputStream OUTPUT = new ByteArrayOutputStream();

    static void start(String dsl) throws Exception {
        OUTPUT.reset();
        sandbox = HaloSandbox.start();
        inbox = Files.createTempDirectory("signed-contracts-test");
        Properties settings = new Properties();
        settings.setProperty("examples.dsl", dsl);
        settings.setProperty("examples.max-tickets", "0");
        settings.setProperty("examples.max-seconds", "3600");
        Map<String, String> overrides = new LinkedHashMap<>(sandbox.componentProperties());
        overrides.put("examples.triage.poll-period", "200");
        overrides.put("examples.assets.poll-period", "200");
        overrides.put("examples.replies.poll-period", "200");
        overrides.put("examples.onboarding.inbox", inbox.toString());
        app = new ExamplesApp(ExampleSettings.load(settings), overrides,
                new PrintStream(OUTPUT, true, StandardCharsets.UTF_8));
        app.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (sandbox != null) {
            sandbox.stop();
        }
        if (inbox != null) {
            ExamplesMain.deleteTree(inbox);
        }
    }

    @Test
    void newTicketIsClassifiedAssignedAndAcknowledged() {
        awaitRequest("/api/Tickets");
        // created first: the trigger delivers in id order, so once the route has handled the VPN ticket below it
        // has already passed this one
        Map<String, Object> routed = sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of(
                "summary", "Printer needs toner", "user_id", 3, "team", "Field Services")));
        Map<String, Object> ticket = sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of(
                "summary", "Cannot work from home", "details", "The VPN drops every few minutes.", "user_id", 3)));
        int id = (Integer) ticket.get("id");

        Map<String, Object> triaged = await(() -> sandbox.data().get(SandboxCollection.ticket, id)
                .filter(t -> t.get("team") != null));

        assertThat(triaged).containsEntry("team", "Network").containsEntry("category_1", "Network");
        List<Map<String, Object>> actions = await(() -> Optional.of(sandbox.data().actions(id)).filter(a -> !a.isEmpty()));
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action).containsEntry("outcome", "Email User").containsEntry("hiddenfromuser", false)
                    .containsEntry("sendemail", false);
            assertThat((String) action.get("note")).contains("Hello Hannah", "Network team");
        });
        // the keyword is only in the details, which the trigger's list row does not carry: the route reads the ticket
        awaitOutput("ticket #" + id + " \"Cannot work from home\" from Hannah Berg, Northwind Logistics"
                    + " -> Network, team Network ('vpn'); acknowledgement sent");
        // a ticket that already had a team is left alone (the route passed it before the VPN ticket)
        assertThat((Integer) routed.get("id")).isLessThan(id);
        int routedId = (Integer) routed.get("id");
        assertThat(sandbox.data().get(SandboxCollection.ticket, routedId)).get()
                .extracting(t -> t.get("team")).isEqualTo("Field Services");
        assertThat(sandbox.data().actions(routedId)).isEmpty();
    }

    @Test
    void assetHandedToACustomerUpdatesTheInventory() {
        awaitRequest("/api/Asset");
        // a technician gives stock laptop 8 to Riverside Veterinary (client 4, main site 5)
        sandbox.data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("id", 8, "client_id", 4)));

        Map<String, Object> asset = await(() -> sandbox.data().get(SandboxCollection.asset, 8)
                .filter(a -> Integer.valueOf(5).equals(a.get("site_id"))));

        assertThat(asset).containsEntry("client_id", 4).containsEntry("site_name", "Clinic");
        Map<String, Object> laptops = await(() -> sandbox.data().get(SandboxCollection.item, 1)
                .filter(item -> ((Number) item.get("quantity_in_stock")).intValue() == 3));
        assertThat(laptops).containsEntry("name", "Dell Latitude 5440");
        awaitOutput("asset STK-LAP-0108 handed to Riverside Veterinary -> site Clinic; Dell Latitude 5440 in stock: 4 -> 3");
    }

    @Test
    void signedContractCreatesClientSiteContractAndOnboardingTickets() throws Exception {
        Files.writeString(inbox.resolve("orchard-dental.json"), """
                {"client": "Orchard Dental", "website": "https://orcharddental.example",
                 "site": {"name": "Surgery", "phone": "+44 1632 960123"},
                 "contract": {"ref": "ORD-MSA-2025", "start": "2025-07-01", "months": 24, "monthly_charge": 980}}
                """);

        Map<String, Object> contract = await(() -> sandbox.data().list(SandboxCollection.contract).stream()
                .filter(c -> "ORD-MSA-2025".equals(c.get("ref"))).findFirst());
        Map<String, Object> client = sandbox.data().get(SandboxCollection.client, contract.get("client_id")).orElseThrow();
        awaitOutput("contract ORD-MSA-2025 signed by Orchard Dental");

        assertThat(client).containsEntry("name", "Orchard Dental").containsEntry("toplevel_id", 1)
                .containsEntry("main_site_id", contract.get("site_id")).containsEntry("main_site_name", "Surgery");
        assertThat(contract).containsEntry("start_date", "2025-07-01T00:00:00Z")
                .containsEntry("end_date", "2027-06-30T00:00:00Z").containsEntry("periodchargeamount", 980);
        List<Map<String, Object>> onboarding = sandbox.data().list(SandboxCollection.ticket).stream()
                .filter(t -> client.get("id").equals(t.get("client_id"))).toList();
        assertThat(onboarding).hasSize(4).allSatisfy(ticket -> {
            assertThat(ticket).containsEntry("team", "Onboarding").containsEntry("tickettype_id", 3)
                    .containsEntry("site_id", contract.get("site_id"));
            assertThat((String) ticket.get("summary")).startsWith("Onboarding Orchard Dental: ");
        });
        assertThat(inbox.resolve(".processed").resolve("orchard-dental.json")).exists();
    }

    @Test
    void customerReplyOnAClosedTicketReopensItAndNotesTheAgent() {
        awaitRequest("/api/Actions");
        int id = ticket("Scanner saves blank pages", SandboxData.CLOSED_STATUS);
        customerReply(id, "Sorry, the scanner is doing it again.");

        Map<String, Object> reopened = await(() -> sandbox.data().get(SandboxCollection.ticket, id)
                .filter(t -> !Integer.valueOf(SandboxData.CLOSED_STATUS).equals(t.get("status_id"))));

        assertThat(reopened).containsEntry("status_id", 2);
        List<Map<String, Object>> notes = await(() -> Optional.of(agentNotes(id)).filter(n -> !n.isEmpty()));
        assertThat(notes).singleElement().satisfies(note -> {
            assertThat(note).containsEntry("outcome", "Private Note").containsEntry("important", true);
            assertThat((String) note.get("note")).contains("Hannah Berg replied after this ticket was closed",
                    "Sorry, the scanner is doing it again.");
        });
        awaitOutput("ticket #" + id + " reopened: Hannah Berg replied \"Sorry, the scanner is doing it again.\""
                    + " -> agent notified");
        assertThat(sandbox.data().actions(id)).as("the reply and the note, nothing else").hasSize(2);
    }

    @Test
    void repliesOnOpenTicketsAndAgentsOwnActionsChangeNothing() {
        awaitRequest("/api/Actions");
        int open = ticket("Projector flickers", 3);
        int closed = ticket("Badge reader offline", SandboxData.CLOSED_STATUS);
        customerReply(open, "Here is the photo you asked for.");
        agentAction(closed, "Private Note", true, "Checked the logs, nothing more to do.");
        agentAction(closed, "Email User", false, "We have closed this ticket; reply if it happens again.");
        // the trigger delivers oldest first, so once this last reply reopened its ticket, the route has passed the rest
        int sentinel = ticket("Desk phone has no dial tone", SandboxData.CLOSED_STATUS);
        customerReply(sentinel, "Still no dial tone.");
        await(() -> sandbox.data().get(SandboxCollection.ticket, sentinel)
                .filter(t -> Integer.valueOf(2).equals(t.get("status_id"))));

        assertThat(sandbox.data().get(SandboxCollection.ticket, open)).get()
                .extracting(t -> t.get("status_id")).as("an open ticket keeps its status").isEqualTo(3);
        assertThat(sandbox.data().actions(open)).as("only the customer's reply").hasSize(1);
        assertThat(sandbox.data().get(SandboxCollection.ticket, closed)).get()
                .extracting(t -> t.get("status_id")).as("agents' actions do not reopen").isEqualTo(SandboxData.CLOSED_STATUS);
        assertThat(sandbox.data().actions(closed)).as("the two agent's actions only").hasSize(2);
        assertThat(OUTPUT.toString(StandardCharsets.UTF_8)).doesNotContain("ticket #" + open + " reopened",
                "ticket #" + closed + " reopened");
    }

    /** A ticket that already has a team, so that the triage workflow leaves it alone. */
    private static int ticket(String summary, int status) {
        Map<String, Object> ticket = sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of(
                "summary", summary, "user_id", 3, "team", "Service Desk", "agent_id", 2, "status_id", status)));
        return (Integer) ticket.get("id");
    }

    /** An e-mail reply of the ticket's user (Hannah Berg), as the sandbox's own customers write them. */
    private static void customerReply(int ticket, String note) {
        sandbox.data().save(SandboxCollection.action, new LinkedHashMap<>(Map.of("ticket_id", ticket,
                "outcome", "End-User Update", "note", note, "hiddenfromuser", false, "actionby_user_id", 3,
                "who", "Hannah Berg")));
    }

    private static void agentAction(int ticket, String outcome, boolean hidden, String note) {
        sandbox.data().save(SandboxCollection.action, new LinkedHashMap<>(Map.of("ticket_id", ticket,
                "outcome", outcome, "note", note, "hiddenfromuser", hidden, "actionby_agent_id", 2)));
    }

    private static List<Map<String, Object>> agentNotes(int ticket) {
        return sandbox.data().actions(ticket).stream().filter(a -> Boolean.TRUE.equals(a.get("hiddenfromuser")))
                .toList();
    }

    /**
     * Waits until the route polling {@code path} has made its second request: its first poll, which only takes note
     * of what is there already, has then completed, and anything made from now on is new to it.
     */
    private static void awaitRequest(String path) {
        await(() -> sandbox.wireMock().findAll(getRequestedFor(urlPathEqualTo(path))).size() < 2
                ? Optional.empty() : Optional.of(true));
    }

    private static void awaitOutput(String text) {
        await(() -> OUTPUT.toString(StandardCharsets.UTF_8).contains(text) ? Optional.of(true) : Optional.empty());
    }

    private static <T> T await(Supplier<Optional<T>> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Nothing happened within " + PATIENCE.toSeconds() + " s. The examples said:\n"
                                 + OUTPUT.toString(StandardCharsets.UTF_8));
    }
}
