package io.github.camelhalopsa.component.halopsa;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.component.halopsa.consumer.IdWatermark;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerState;
import io.github.camelhalopsa.component.halopsa.consumer.PollFailureLog;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The New Ticket Record consumer against a ticket list that changes between polls. Polls are run by the test (the
 * scheduler is off), so "between polls" means exactly that.
 */
class NewTicketConsumerTest extends HaloPsaTestSupport {

    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Set<Long> failOnce = ConcurrentHashMap.newKeySet();
    private FakeTicketList tickets;

    @BeforeEach
    void ticketList() {
        tickets = new FakeTicketList().install(halo);
    }

    @Test
    void deliversTicketsThatAppearBetweenPollsOnceEachInIdOrder() throws Exception {
        tickets.create(3);
        TriggerConsumer<IdWatermark> consumer = route("");

        poll(consumer); // since=now: the three existing tickets are not new
        assertThat(delivered).isEmpty();
        tickets.create(2);
        poll(consumer);
        tickets.create(3);
        poll(consumer);
        poll(consumer);

        assertThat(delivered).containsExactly(4L, 5L, 6L, 7L, 8L);
        Exchange first = exchanges.get(0);
        assertThat(first.getIn().getBody(Map.class)).containsEntry("id", 4).containsKey("summary");
        assertThat(first.getIn().getHeader(HaloPsaConstants.ID)).isEqualTo("4");
        assertThat(first.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class)).isZero();
        assertThat(first.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class)).isEqualTo(2);
        assertThat(exchanges.get(1).getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class)).isTrue();
    }

    @Test
    void anIdlePollIsOneRequestForTheNewestPage() throws Exception {
        tickets.create(150);
        TriggerConsumer<IdWatermark> consumer = route("");
        poll(consumer);
        halo.resetRequests();

        poll(consumer);

        List<LoggedRequest> requests = apiRequests();
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).startsWith("/api/Tickets?");
        assertThat(request.queryParameter("order").firstValue()).isEqualTo("id");
        assertThat(request.queryParameter("orderdesc").firstValue()).isEqualTo("true");
        assertThat(request.queryParameter("pageinate").firstValue()).isEqualTo("true");
        assertThat(request.queryParameter("page_size").firstValue()).isEqualTo("100");
        assertThat(request.queryParameter("page_no").firstValue()).isEqualTo("1");
        assertThat(tokenRequests()).isEmpty();
    }

    @Test
    void aBurstOf250TicketsIsDeliveredAcrossPagesOldestFirstNoneTwice() throws Exception {
        tickets.create(40);
        TriggerConsumer<IdWatermark> consumer = route("");
        poll(consumer);
        List<Long> burst = tickets.create(250);
        halo.resetRequests();

        poll(consumer);

        assertThat(delivered).containsExactlyElementsOf(burst);
        // pages 1 and 2 hold only new tickets, page 3 reaches the watermark: three requests
        assertThat(apiRequests()).extracting(r -> r.queryParameter("page_no").firstValue())
                .containsExactly("1", "2", "3");
        poll(consumer);
        assertThat(delivered).hasSize(250);
    }

    @Test
    void aTicketTheRouteFailsOnComesAgainOnTheNextPollAndNothingAfterItIsSkipped() throws Exception {
        TriggerConsumer<IdWatermark> consumer = route("&since=beginning");
        tickets.create(5);
        failOnce.add(3L);

        poll(consumer);
        assertThat(delivered).containsExactly(1L, 2L);
        assertThat(consumer.state().watermark()).isEqualTo(2);

        tickets.create(1);
        poll(consumer);
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aFailureTheRouteHandlesCountsAsDone() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true);
                from("halopsa:ticket?startScheduler=false&since=beginning").routeId("handled")
                        .process(e -> {
                            delivered.add(Long.valueOf(e.getIn().getHeader(HaloPsaConstants.ID, String.class)));
                            throw new IllegalStateException("dead-lettered by the route");
                        });
            }
        });
        TriggerConsumer<IdWatermark> consumer = consumer("handled");
        tickets.create(2);

        poll(consumer);
        poll(consumer);

        assertThat(delivered).containsExactly(1L, 2L);
    }

    @Test
    void aTicketThatBecomesVisibleAfterANewerOneIsDeliveredOnce() throws Exception {
        tickets.create(5);
        TriggerConsumer<IdWatermark> consumer = route("");
        poll(consumer);
        long late = tickets.reserve(); // 6: saved at the same moment as 7, visible later
        tickets.create(1);

        poll(consumer);
        assertThat(delivered).containsExactly(7L);
        tickets.reveal(late);
        poll(consumer);
        poll(consumer);

        assertThat(delivered).containsExactly(7L, 6L);
    }

    @Test
    void theLookBackSurvivesARestartWithAStateRepository(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("tickets.state");
        context.getRegistry().bind("ticketState", FileStateRepository.fileStateRepository(file.toFile()));
        tickets.create(5);
        TriggerConsumer<IdWatermark> consumer = route("&stateRepository=#ticketState");
        poll(consumer);
        long late = tickets.reserve();
        tickets.create(2);
        poll(consumer);

        context.getRouteController().stopRoute("tickets");
        assertThat(Files.readString(file))
                .isEqualTo(repositoryKey() + "={\"watermark\":8,\"windowStart\":1,\"handled\":\"1-5,7-8\"}\n");
        context.getRouteController().startRoute("tickets");
        tickets.reveal(late);
        poll(consumer("tickets")); // a restarted route has a new consumer

        assertThat(delivered).containsExactly(7L, 8L, 6L);
    }

    @Test
    void aDurableFileStateRepositoryCarriesTheWatermarkIntoANewCamelContext(@TempDir Path folder) throws Exception {
        File file = folder.resolve("tickets.properties").toFile();
        context.getRegistry().bind("ticketState", new DurableFileStateRepository(file));
        tickets.create(3);
        poll(route("&stateRepository=#ticketState"));
        tickets.create(2);
        poll(consumer("tickets"));
        context.stop();
        tickets.create(2);

        CamelContext next = createCamelContext();
        next.getRegistry().bind("ticketState", new DurableFileStateRepository(file));
        next.start();
        context = (ModelCamelContext) next; // the test's context is stopped after the test
        poll(route("&stateRepository=#ticketState"));

        assertThat(delivered).containsExactly(4L, 5L, 6L, 7L);
    }

    @Test
    void sinceBeginningDeliversEveryTicket() throws Exception {
        tickets.create(3);
        TriggerConsumer<IdWatermark> consumer = route("&since=beginning");
        poll(consumer);
        assertThat(delivered).containsExactly(1L, 2L, 3L);
    }

    @Test
    void sinceAnIdDeliversThatTicketAndLaterOnes() throws Exception {
        tickets.create(5);
        TriggerConsumer<IdWatermark> consumer = route("&since=4");
        poll(consumer);
        assertThat(delivered).containsExactly(4L, 5L);
    }

    @Test
    void sinceNowDeliversOnlyTicketsCreatedAfterTheFirstPoll() throws Exception {
        tickets.create(5);
        TriggerConsumer<IdWatermark> consumer = route("&since=now");
        poll(consumer);
        tickets.create(1);
        poll(consumer);
        assertThat(delivered).containsExactly(6L);
    }

    @Test
    void sinceNowOnAnEmptyListDeliversTheFirstTicketEver() throws Exception {
        TriggerConsumer<IdWatermark> consumer = route("");
        poll(consumer);
        tickets.create(1);
        poll(consumer);
        assertThat(delivered).containsExactly(1L);
    }

    @Test
    void invalidSinceFailsWhenTheEndpointIsCreated() {
        assertThat(failureOf(() -> context.getEndpoint("halopsa:ticket?since=yesterday")))
                .contains("Invalid since 'yesterday'").contains("beginning");
    }

    @Test
    void splitResultFalseSendsOneExchangeWithCountAndTickets() throws Exception {
        tickets.create(2);
        List<Exchange> polls = new CopyOnWriteArrayList<>();
        TriggerConsumer<IdWatermark> consumer = consume("halopsa:ticket?startScheduler=false&splitResult=false", "batch",
                polls::add);
        poll(consumer);
        tickets.create(3);

        poll(consumer);
        poll(consumer);

        assertThat(polls).hasSize(1);
        Map<?, ?> body = polls.get(0).getIn().getBody(Map.class);
        assertThat(body.get("count")).isEqualTo(3);
        List<Object> ids = ((List<?>) body.get("tickets")).stream().map(t -> (Object) ((Map<?, ?>) t).get("id"))
                .toList();
        assertThat(ids).containsExactly(3, 4, 5);
        assertThat(polls.get(0).getIn().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(3);
    }

    @Test
    void splitResultFalseRedeliversTheWholePollWhenItFails() throws Exception {
        List<Object> counts = new CopyOnWriteArrayList<>();
        String uri = "halopsa:ticket?startScheduler=false&splitResult=false&since=beginning";
        TriggerConsumer<IdWatermark> consumer = consume(uri, "batch", e -> {
            counts.add(e.getIn().getBody(Map.class).get("count"));
            if (counts.size() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        tickets.create(2);

        poll(consumer);
        tickets.create(1);
        poll(consumer);
        poll(consumer);

        assertThat(counts).containsExactly(2, 3);
    }

    @Test
    void sendEmptyMessageWhenIdleKeepsTheTriggerShape() throws Exception {
        List<Exchange> polls = new CopyOnWriteArrayList<>();
        String uri = "halopsa:ticket?startScheduler=false&splitResult=false&sendEmptyMessageWhenIdle=true";
        TriggerConsumer<IdWatermark> consumer = consume(uri, "batch", polls::add);
        poll(consumer);
        poll(consumer);

        assertThat(polls).isNotEmpty();
        assertThat(polls.get(polls.size() - 1).getIn().getBody(Map.class)).containsEntry("count", 0)
                .containsEntry("tickets", List.of());
    }

    @Test
    void queryFiltersReachTheRequestAndDecideWhatCounts() throws Exception {
        TriggerConsumer<IdWatermark> consumer = route("&since=beginning&query.client_id=12&query.requesttype_id=3&query.team=2,5");
        tickets.create(2);
        tickets.forClient(99);
        tickets.create(1);

        poll(consumer);

        assertThat(delivered).containsExactly(1L, 2L);
        LoggedRequest request = apiRequests().get(0);
        assertThat(request.queryParameter("client_id").firstValue()).isEqualTo("12");
        assertThat(request.queryParameter("requesttype_id").firstValue()).isEqualTo("3");
        assertThat(request.queryParameter("team").firstValue()).isEqualTo("2,5");
    }

    @Test
    void queryParametersTheConsumerSetsItselfAreRefused() {
        assertThat(failureOf(() -> route("&query.orderdesc=false")))
                .contains("query.orderdesc cannot be used on the New Ticket Record trigger");
    }

    @Test
    void otherEntitiesCannotStartARoute() {
        assertThat(failureOf(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:invoice?startScheduler=false").to("mock:invoices");
            }
        })))
                .contains("halopsa:invoice cannot start a route")
                .contains("trigger=new on action, asset, client, site, ticket, user")
                .contains("trigger=updated on asset, client, site, ticket, user")
                .contains("from a timer");
    }

    @Test
    void aListThatShrinksWhileAPollReadsItIsReadAgainSoNoTicketSlipsPast() throws Exception {
        TriggerConsumer<IdWatermark> consumer = route("&since=beginning");
        tickets.create(250);
        boolean[] deleted = { false };
        tickets.beforePage(page -> {
            if (page == 2 && !deleted[0]) {
                deleted[0] = true;
                tickets.delete(250); // pulls every row up by one: ticket 150 moves onto page 1, already read
            }
        });

        poll(consumer);

        assertThat(delivered).containsExactlyElementsOf(LongStream.rangeClosed(1, 249).boxed().toList());
    }

    /** No recording shows that /Tickets honours order=id: oldest first, the trigger reads from the last page. */
    @Test
    void aServerThatServesOldestFirstStillGetsEachNewTicketOnceAndInOrder() throws Exception {
        tickets.ignoreOrder();
        tickets.create(250); // three pages, oldest first
        TriggerConsumer<IdWatermark> consumer = route("");

        poll(consumer); // since=now: the newest visible is 250, on the last page, not 100 on the first
        assertThat(consumer.state().watermark()).isEqualTo(250);
        tickets.create(3);
        poll(consumer);
        assertThat(delivered).containsExactly(251L, 252L, 253L);
        int before = tickets.requests();
        poll(consumer);

        assertThat(delivered).hasSize(3);
        assertThat(tickets.requests() - before).as("requests of an idle poll: page 1 and the last page").isEqualTo(2);
        assertThat(consumer.getErrorCounter()).isZero();
    }

    @Test
    void oldestFirstFromTheBeginningDeliversEveryTicketOnce() throws Exception {
        tickets.ignoreOrder();
        tickets.create(249);
        TriggerConsumer<IdWatermark> consumer = route("&since=beginning");

        poll(consumer);
        poll(consumer);

        assertThat(delivered).containsExactlyElementsOf(LongStream.rangeClosed(1, 249).boxed().toList());
    }

    @Test
    void aServerThatOrdersByAnotherFieldIsReadWholeAndStillDeliversOnceInOrder() throws Exception {
        tickets.orderByOtherField();
        tickets.create(230);
        TriggerConsumer<IdWatermark> consumer = route("");

        poll(consumer);
        assertThat(consumer.state().watermark()).isEqualTo(230);
        tickets.create(4);
        poll(consumer);
        poll(consumer);

        assertThat(delivered).containsExactly(231L, 232L, 233L, 234L);
        assertThat(consumer.getErrorCounter()).isZero();
    }

    @Test
    void routeStopAndStartKeepsTheInMemoryWatermark() throws Exception {
        tickets.create(2);
        TriggerConsumer<IdWatermark> consumer = route("");
        poll(consumer);
        context.getRouteController().stopRoute("tickets");
        tickets.create(2);
        context.getRouteController().startRoute("tickets");

        poll(consumer("tickets")); // a restarted route has a new consumer

        assertThat(delivered).containsExactly(3L, 4L);
    }

    @Test
    void aWatermarkWrittenByHandIsAcceptedAndWinsOverSince() throws Exception {
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.start();
        context.getRegistry().bind("ticketState", repository);
        repository.setState(repositoryKey(), "3");
        tickets.create(5);

        poll(route("&since=beginning&stateRepository=#ticketState"));

        assertThat(delivered).containsExactly(4L, 5L);
    }

    @Test
    void aStoredValueThatIsNotAWatermarkStopsTheRouteFromStartingWithTheKeyNamed() {
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.start();
        context.getRegistry().bind("ticketState", repository);
        repository.setState(repositoryKey(), "{\"watermark\":12");

        assertThat(failureOf(() -> route("&stateRepository=#ticketState")))
                .contains("under the key '" + repositoryKey() + "'")
                .contains("not a new-record trigger state");
    }

    @Test
    void theStateKeyIsDerivedFromTheInstanceAndFiltersOrGivenByStateKey() throws Exception {
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.start();
        context.getRegistry().bind("ticketState", repository);

        poll(route("&stateRepository=#ticketState&query.client_id=12"));
        poll(route("&stateRepository=#ticketState&stateKey=my-tickets", "second"));

        assertThat(repository.getState(repositoryKey() + "[client_id:12]")).contains("\"watermark\":0");
        assertThat(repository.getState("my-tickets")).contains("\"watermark\":0");
    }

    @Test
    void twoConsumersOnOneKeyOfOneRepositoryAreRefused() throws Exception {
        context.getRegistry().bind("ticketState", new MemoryStateRepository());
        route("&stateRepository=#ticketState");

        assertThat(failureOf(() -> route("&stateRepository=#ticketState&delay=1000", "second")))
                .contains("would overwrite each other's").contains("stateKey");
    }

    @Test
    void aStateKeyWithAnEqualsSignIsRefused() {
        assertThat(failureOf(() -> context.getEndpoint("halopsa:ticket?stateKey=a=b")))
                .contains("Invalid stateKey");
    }

    @Test
    void theConsumerStartsTheRepositoryItIsGivenAndStopsItWithTheLastConsumer() throws Exception {
        MemoryStateRepository repository = new MemoryStateRepository();
        context.getRegistry().bind("ticketState", repository);

        route("&stateRepository=#ticketState");
        route("&stateRepository=#ticketState&stateKey=other", "second");
        assertThat(repository.isStarted()).isTrue();
        context.getRouteController().stopRoute("tickets");
        assertThat(repository.isStarted()).isTrue();
        context.getRouteController().stopRoute("second");

        assertThat(repository.isStopped()).isTrue();
    }

    @Test
    void pollsEveryThirtySecondsUnlessTheRouteSaysOtherwise() throws Exception {
        TriggerConsumer<IdWatermark> byDefault = route("");
        TriggerConsumer<IdWatermark> inSeconds = route("&timeUnit=SECONDS", "seconds");
        TriggerConsumer<IdWatermark> chosen = route("&delay=5s", "chosen");

        assertThat(TimeUnit.MILLISECONDS.convert(byDefault.getDelay(), byDefault.getTimeUnit())).isEqualTo(30_000);
        // a unit without a delay keeps 30 s rather than reading 30000 in that unit
        assertThat(inSeconds.getDelay()).isEqualTo(30);
        assertThat(inSeconds.getTimeUnit()).isEqualTo(TimeUnit.SECONDS);
        assertThat(TimeUnit.MILLISECONDS.convert(chosen.getDelay(), chosen.getTimeUnit())).isEqualTo(5_000);
    }

    private TriggerConsumer<IdWatermark> route(String options) throws Exception {
        return route(options, "tickets");
    }

    private TriggerConsumer<IdWatermark> route(String options, String routeId) throws Exception {
        return consume("halopsa:ticket?startScheduler=false" + options, routeId, exchange -> {
            long id = Long.parseLong(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class));
            if (failOnce.remove(id)) {
                throw new IllegalStateException("the route fails on ticket " + id);
            }
            delivered.add(id);
            exchanges.add(exchange.copy());
        });
    }

    private TriggerConsumer<IdWatermark> consume(String uri, String routeId, Processor processor) throws Exception {
        return consume(context, uri, routeId, processor);
    }

    /** Adds and starts a route from the trigger, and returns its consumer for the test to poll. */
    @SuppressWarnings("unchecked")
    static <S extends TriggerState> TriggerConsumer<S> consume(CamelContext camel, String uri, String routeId,
                                                               Processor processor)
            throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(processor);
            }
        });
        return (TriggerConsumer<S>) camel.getRoute(routeId).getConsumer();
    }

    @SuppressWarnings("unchecked")
    private TriggerConsumer<IdWatermark> consumer(String routeId) {
        return (TriggerConsumer<IdWatermark>) context.getRoute(routeId).getConsumer();
    }

    /** One poll, on the test's thread. */
    static void poll(TriggerConsumer<?> consumer) {
        consumer.run();
    }

    static HealthCheck.Result healthOf(TriggerConsumer<?> consumer) {
        return new ScheduledPollConsumerHealthCheck(consumer, "consumer:tickets").call();
    }

    private static String repositoryKey() {
        return "ticket@" + URI.create(halo.baseUrl()).getAuthority();
    }

    /** The messages of the exception and its causes: Camel wraps a route's start failure several times. */
    static String failureOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("an exception").isNotNull();
        return PollFailureLog.reason(thrown);
    }
}
