package io.github.camelhalopsa.component.halopsa;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.component.halopsa.consumer.ChangeWatermark;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.consume;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.failureOf;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.healthOf;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triggers that read by time, trigger=updated and new actions, against lists whose records change between polls.
 * Polls are run by the test (the scheduler is off).
 */
class ChangeTriggerTest extends HaloPsaTestSupport {

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @TempDir
    File stateFolder;

    private TriggerConsumer<ChangeWatermark> route(String uri) throws Exception {
        return route(uri, "changes");
    }

    private TriggerConsumer<ChangeWatermark> route(String uri, String routeId) throws Exception {
        return consume(context, uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false", routeId, exchange -> {
            Map<?, ?> record = exchange.getIn().getBody(Map.class);
            Object time = record.containsKey("datetime") ? record.get("datetime")
                    : record.containsKey("last_update") ? record.get("last_update") : record.get("alastupdate");
            String key = record.containsKey("ticket_id") ? record.get("ticket_id") + "/" + record.get("id")
                    : String.valueOf(record.get("id"));
            delivered.add(key + "@" + time);
            exchanges.add(exchange.copy());
        });
    }

    @Test
    void eachChangeOfATicketIsDeliveredOnceOldestChangeFirst() throws Exception {
        FakeChangeList tickets = FakeChangeList.tickets().install(halo);
        tickets.create(3);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:ticket?trigger=updated");

        poll(consumer); // since=now: what is there now was not changed after the start
        assertThat(delivered).isEmpty();
        tickets.change(2);
        tickets.change(3);
        poll(consumer);
        tickets.change(2);
        poll(consumer);
        poll(consumer);

        List<String> versions = tickets.versions();
        assertThat(delivered).containsExactlyElementsOf(versions.subList(3, 6));
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getIn().getHeader(HaloPsaConstants.TRIGGER))
                .isEqualTo("ticket.updated"));
        assertThat(exchanges.get(0).getIn().getHeader(HaloPsaConstants.ID)).isEqualTo("2");
    }

    @Test
    void anIdlePollIsOneRequestThatAsksForChangesFromTheNewestMinusTheOverlapInHalosOwnStyle() throws Exception {
        FakeChangeList tickets = FakeChangeList.tickets().zoned().install(halo);
        tickets.create(1);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:ticket?trigger=updated&changeOverlap=2m");
        poll(consumer);
        tickets.change(1);
        poll(consumer);
        String changedAt = tickets.versions().get(1).substring("1@".length());
        halo.resetRequests();

        poll(consumer);

        assertThat(apiRequests()).hasSize(1);
        LoggedRequest idle = apiRequests().get(0);
        String expected = java.time.OffsetDateTime.parse(changedAt).minusMinutes(2).toInstant().toString()
                .replace("Z", "");
        assertThat(idle.queryParameter("lastupdatefromdate").firstValue()).isEqualTo(
                expected.length() == 19 ? expected + ".000Z" : expected + "Z");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void whenHaloIgnoresTheFilterNothingIsRepeatedAndNothingOldIsDelivered() throws Exception {
        FakeChangeList tickets = FakeChangeList.tickets().ignoreFilter().install(halo);
        tickets.create(250);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:ticket?trigger=updated");
        poll(consumer);
        tickets.change(7);
        tickets.change(180);
        poll(consumer);
        tickets.advance(Duration.ofMinutes(30)); // past the overlap: what was delivered is no longer remembered
        tickets.change(7);
        poll(consumer);
        poll(consumer);

        List<String> versions = tickets.versions();
        assertThat(delivered).containsExactlyElementsOf(versions.subList(250, 253));
        assertThat(consumer.state().remembered()).isEqualTo(1);
    }

    @Test
    void aChangeShownLateButStampedWithinTheOverlapIsStillDelivered() throws Exception {
        FakeChangeList tickets = FakeChangeList.tickets().install(halo);
        tickets.create(2);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:ticket?trigger=updated");
        poll(consumer);
        tickets.changeUnseen(1); // stamped first, committed last
        tickets.change(2);
        poll(consumer);
        tickets.reveal(1);
        poll(consumer);

        List<String> versions = tickets.versions();
        assertThat(delivered).containsExactly(versions.get(3), versions.get(2));
    }

    @Test
    void aRestartWithAStateRepositoryRepeatsNothingAndLosesNothing() throws Exception {
        FakeChangeList clients = FakeChangeList.clients().install(halo);
        clients.create(2);
        FileStateRepository repository = FileStateRepository.fileStateRepository(new File(stateFolder, "state"));
        context.getRegistry().bind("changes", repository);
        String uri = "halopsa:client?trigger=updated&stateRepository=#changes";
        poll(route(uri));
        clients.change(1);
        poll((TriggerConsumer<?>) context.getRoute("changes").getConsumer());
        context.getRouteController().stopRoute("changes");
        context.removeRoute("changes");
        clients.change(2);
        clients.change(1);

        poll(route(uri, "again"));

        List<String> versions = clients.versions();
        assertThat(delivered).containsExactlyElementsOf(versions.subList(2, 5));
        assertThat(exchanges.get(0).getIn().getHeader(HaloPsaConstants.TRIGGER)).isEqualTo("client.updated");
    }

    @Test
    void newActionsAcrossTicketsAreKeyedByTicketAndAction() throws Exception {
        FakeChangeList actions = FakeChangeList.actions().install(halo);
        actions.addAction(10, 1);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:action");
        poll(consumer);
        actions.addAction(10, 2);
        actions.addAction(11, 2); // the same action id on another ticket is another action
        poll(consumer);
        poll(consumer);

        List<String> versions = actions.versions();
        assertThat(delivered).containsExactlyElementsOf(versions.subList(1, 3));
        assertThat(exchanges.get(1).getIn().getHeader(HaloPsaConstants.TICKET_ID)).isEqualTo("11");
        assertThat(exchanges.get(1).getIn().getHeader(HaloPsaConstants.TRIGGER)).isEqualTo("action.new");
        assertThat(apiRequests().get(apiRequests().size() - 1).queryParameter("startdate").isPresent()).isTrue();
    }

    @Test
    void actionFiltersNarrowTheTrigger() throws Exception {
        FakeChangeList actions = FakeChangeList.actions().install(halo);
        TriggerConsumer<ChangeWatermark> consumer = route("halopsa:action?query.ticket_id=10&since=beginning");
        actions.addAction(10, 1);
        actions.addAction(11, 1);

        poll(consumer);

        assertThat(delivered).containsExactly(actions.versions().get(0));
    }

    @Test
    void splitResultFalseHoldsTheRecordsUnderTheListsKey() throws Exception {
        FakeChangeList clients = FakeChangeList.clients().install(halo);
        List<Exchange> polls = new CopyOnWriteArrayList<>();
        TriggerConsumer<?> consumer = consume(context,
                "halopsa:client?trigger=updated&since=beginning&splitResult=false&startScheduler=false", "batch",
                polls::add);
        clients.create(2);

        poll(consumer);

        assertThat(polls).hasSize(1);
        Map<?, ?> body = polls.get(0).getIn().getBody(Map.class);
        assertThat(body.get("count")).isEqualTo(2);
        assertThat((List<?>) body.get("clients")).hasSize(2);
    }

    @Test
    void newClientsAreFoundByIdNotByTime() throws Exception {
        FakeChangeList clients = FakeChangeList.clients().install(halo);
        clients.create(2);
        TriggerConsumer<?> consumer = route("halopsa:client");
        poll(consumer);
        clients.change(1);
        clients.create(1);

        poll(consumer);

        assertThat(delivered).containsExactly(clients.versions().get(3));
        assertThat(exchanges.get(0).getIn().getHeader(HaloPsaConstants.TRIGGER)).isEqualTo("client.new");
    }

    @Test
    void aRecordWithoutItsLastChangeTimeFailsThePollNamingTheField() throws Exception {
        halo.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/Client"))
                .willReturn(json(200, "{\"record_count\":1,\"clients\":[{\"id\":4,\"name\":\"Acme\"}]}")));
        TriggerConsumer<?> consumer = route("halopsa:client?trigger=updated&since=beginning");

        poll(consumer);

        assertThat(delivered).isEmpty();
        HealthCheck.Result health = healthOf(consumer);
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getError()).isPresent();
        assertThat(health.getError().get().getMessage()).contains("alastupdate missing").contains("GET /Client");
    }

    @Test
    void badTriggerOptionsFailWhenTheEndpointIsCreated() {
        assertThat(failureOf(() -> context.getEndpoint("halopsa:ticket?trigger=changed")))
                .contains("Invalid trigger 'changed'").contains("new").contains("updated");
        assertThat(failureOf(() -> context.getEndpoint("halopsa:action?trigger=updated")))
                .contains("halopsa:action?trigger=updated cannot start a route").contains("trigger=updated on asset");
        assertThat(failureOf(() -> context.getEndpoint("halopsa:ticket?trigger=updated&since=1200")))
                .contains("Invalid since '1200' for the Updated ticket trigger").contains("ISO-8601");
        assertThat(failureOf(() -> route("halopsa:ticket?trigger=updated&query.lastupdatefromdate=2026-01-01")))
                .contains("query.lastupdatefromdate cannot be used on the Updated ticket trigger");
    }
}
