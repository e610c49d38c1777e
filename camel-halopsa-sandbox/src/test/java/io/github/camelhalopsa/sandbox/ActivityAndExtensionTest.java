package io.github.camelhalopsa.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated activity, and the JUnit 5 extension that starts a sandbox for a test class. */
class ActivityAndExtensionTest {

    @RegisterExtension
    static HaloSandboxExtension halo = HaloSandboxExtension.create().resetBeforeEachTest();

    @Test
    void aDemoUserOpensATicketOfTheirClientAndSite(HaloSandbox sandbox) {
        Map<String, Object> ticket = sandbox.openTicket();

        Map<String, Object> user = sandbox.data().get(SandboxCollection.user, ticket.get("user_id")).orElseThrow();
        assertThat(ticket).containsEntry("client_id", user.get("client_id")).containsEntry("site_id", user.get("site_id"))
                .containsEntry("status_id", 1).containsEntry("user_name", user.get("name"));
        assertThat((String) ticket.get("summary")).isNotBlank();
        assertThat(sandbox.data().get(SandboxCollection.ticket, ticket.get("id"))).isPresent();
    }

    @Test
    void aTechnicianHandsAStockAssetToACustomer(HaloSandbox sandbox) {
        Map<String, Object> asset = sandbox.assignStockAsset().orElseThrow();

        assertThat((String) asset.get("inventory_number")).startsWith("STK-");
        assertThat(asset.get("client_id")).isIn(2, 3, 4, 5);
        assertThat(sandbox.data().list(SandboxCollection.asset).stream()
                .filter(a -> Integer.valueOf(1).equals(a.get("client_id")))).hasSize(5);
    }

    @Test
    void theStockRunsOut(HaloSandbox sandbox) {
        for (int i = 0; i < 6; i++) {
            assertThat(sandbox.assignStockAsset()).isPresent();
        }
        assertThat(sandbox.assignStockAsset()).isEmpty();
    }

    @Test
    void aTechnicianChangesAnOpenTicketAndItsLastUpdateMoves(HaloSandbox sandbox) {
        for (int i = 0; i < 8; i++) {
            Map<String, Object> changed = sandbox.changeTicket().orElseThrow();

            assertThat(changed.get("status_id")).isNotEqualTo(SandboxData.CLOSED_STATUS);
            RecordVersion last = sandbox.changeLog().get(sandbox.changeLog().size() - 1);
            assertThat(last).isEqualTo(new RecordVersion(SandboxCollection.ticket, String.valueOf(changed.get("id")),
                    (String) changed.get("last_update")));
        }
    }

    @Test
    void aCustomerRepliesOnAClosedTicketWhichStaysClosed(HaloSandbox sandbox) {
        Map<String, Object> reply = sandbox.customerReply().orElseThrow();

        int ticketId = (Integer) reply.get("ticket_id");
        Map<String, Object> ticket = sandbox.data().get(SandboxCollection.ticket, ticketId).orElseThrow();
        Map<String, Object> user = sandbox.data().get(SandboxCollection.user, ticket.get("user_id")).orElseThrow();
        assertThat(ticket).containsEntry("status_id", SandboxData.CLOSED_STATUS)
                .containsEntry("lastactiondate", reply.get("datetime"));
        assertThat(reply).containsEntry("outcome", ActivityGenerator.CUSTOMER_REPLY_OUTCOME)
                .containsEntry("actionby_user_id", user.get("id")).containsEntry("who", user.get("name"))
                .containsEntry("emailfrom", user.get("emailaddress")).containsEntry("hiddenfromuser", false);
        assertThat(sandbox.changeLog()).extracting(RecordVersion::collection)
                .containsExactly(SandboxCollection.action, SandboxCollection.ticket);
    }

    @Test
    void noClosedTicketNoReply(HaloSandbox sandbox) {
        for (int id : new int[] { 3, 6 }) {
            sandbox.data().save(SandboxCollection.ticket, new LinkedHashMap<>(Map.of("id", id, "status_id", 2)));
        }
        assertThat(sandbox.customerReply()).isEmpty();
    }

    @Test
    void generatorChangesTicketsAndRepliesAtItsIntervals() throws InterruptedException {
        try (HaloSandbox busy = HaloSandbox.start(SandboxOptions.defaults().ticketChangeEvery(Duration.ofMillis(50))
                .customerReplyEvery(Duration.ofMillis(80)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((replies(busy) < 2 || busy.changeLog().size() < 8) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(replies(busy)).isGreaterThanOrEqualTo(2);
            assertThat(busy.changeLog().size()).isGreaterThanOrEqualTo(8);
        }
    }

    private static long replies(HaloSandbox sandbox) {
        return sandbox.data().list(SandboxCollection.action).stream()
                .filter(a -> ActivityGenerator.CUSTOMER_REPLY_OUTCOME.equals(a.get("outcome"))).count();
    }

    @Test
    void resetBeforeEachTestStartsFromTheDemoData(HaloSandbox sandbox) {
        sandbox.openTicket();
        sandbox.assignStockAsset().orElseThrow();
        assertThat(sandbox.data().size(SandboxCollection.ticket)).isEqualTo(7);

        // what JUnit does before the next test of the class
        halo.beforeEach(null);

        assertThat(halo.sandbox()).isSameAs(sandbox);
        assertThat(sandbox.data().size(SandboxCollection.ticket)).isEqualTo(6);
        assertThat(sandbox.data().list(SandboxCollection.asset).stream()
                .filter(a -> Integer.valueOf(1).equals(a.get("client_id")))).hasSize(6);
    }

    @Test
    void generatorOpensTicketsAtItsInterval() throws InterruptedException {
        try (HaloSandbox busy = HaloSandbox.start(SandboxOptions.defaults().newTicketEvery(Duration.ofMillis(100))
                .assetAssignmentEvery(Duration.ofMillis(150)))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((busy.data().size(SandboxCollection.ticket) < 9 || stockLeft(busy) > 4)
                   && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(busy.data().size(SandboxCollection.ticket)).isGreaterThanOrEqualTo(9);
            assertThat(stockLeft(busy)).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void demoDataCanBeLeftOut() {
        try (HaloSandbox empty = HaloSandbox.start(SandboxOptions.defaults().demoData(false))) {
            for (SandboxCollection collection : SandboxCollection.values()) {
                assertThat(empty.data().size(collection)).as(collection.name()).isZero();
            }
            assertThat(empty.openTicket()).isNull();
            Map<String, Object> client = empty.data().save(SandboxCollection.client,
                    new LinkedHashMap<>(Map.of("name", "First")));
            assertThat(client).containsEntry("id", 1);
        }
    }

    @Test
    void componentPropertiesNameTheConnectionButNotTheSecretInToString(HaloSandbox sandbox) {
        assertThat(sandbox.componentProperties()).containsEntry("camel.component.halopsa.resource-server",
                sandbox.baseUrl()).containsEntry("camel.component.halopsa.tenant", "sandbox")
                .containsEntry("camel.component.halopsa.client-id", "sandbox-client");
        assertThat(sandbox.toString()).contains(sandbox.baseUrl()).doesNotContain(sandbox.clientSecret());
    }

    private static long stockLeft(HaloSandbox sandbox) {
        List<Map<String, Object>> assets = sandbox.data().list(SandboxCollection.asset);
        return assets.stream().filter(a -> Integer.valueOf(1).equals(a.get("client_id"))).count();
    }
}
