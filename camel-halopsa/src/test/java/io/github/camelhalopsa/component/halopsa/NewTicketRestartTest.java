package io.github.camelhalopsa.component.halopsa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger's promise under restarts: tickets keep arriving (one by one, in bursts that span pages, and some
 * visible only after a newer one) while the route is stopped and started and the whole CamelContext is replaced by a
 * new one reading the same state file. Every ticket created is counted against every delivery.
 */
class NewTicketRestartTest extends HaloPsaTestSupport {

    private static final int TICKETS = 1_200;
    private static final int RESTARTS = 12;

    @TempDir
    Path folder;

    private final Queue<Long> delivered = new ConcurrentLinkedQueue<>();
    private final Random random = new Random(20240501);

    /** Camel's FileStateRepository, as users are most likely to bind, and the component's durable one. */
    @ParameterizedTest
    @ValueSource(strings = { "FileStateRepository", "DurableFileStateRepository" })
    void overAThousandTicketsAcrossRestartsNoneLostNoneTwice(String repositoryType) throws Exception {
        Path file = folder.resolve("tickets.state");
        Function<Path, StateRepository<String, String>> repositories = repositoryType.equals("FileStateRepository")
                ? path -> FileStateRepository.fileStateRepository(path.toFile())
                : path -> new DurableFileStateRepository(path.toFile());
        FakeTicketList tickets = new FakeTicketList().install(halo);
        AtomicBoolean creating = new AtomicBoolean(true);
        AtomicInteger late = new AtomicInteger();
        Thread users = new Thread(() -> createTickets(tickets, creating, late), "halo-users");
        long started = System.nanoTime();

        CamelContext current = context;
        startTrigger(current, repositories.apply(file));
        users.start();
        int routeRestarts = 0;
        int contextRestarts = 0;
        // restarts go on while tickets arrive, and a few more once they stop
        while (users.isAlive() || routeRestarts + contextRestarts < RESTARTS) {
            TimeUnit.MILLISECONDS.sleep(50 + random.nextInt(150));
            if (random.nextBoolean()) {
                current.getRouteController().stopRoute("trigger");
                TimeUnit.MILLISECONDS.sleep(random.nextInt(150));
                current.getRouteController().startRoute("trigger");
                routeRestarts++;
            } else {
                current.stop();
                TimeUnit.MILLISECONDS.sleep(random.nextInt(150));
                current = createCamelContext();
                startTrigger(current, repositories.apply(file));
                contextRestarts++;
            }
        }
        Set<Long> created = new TreeSet<>(tickets.visibleIds());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Set.copyOf(delivered).containsAll(created) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        current.stop();

        List<Long> deliveries = new ArrayList<>(delivered);
        Map<Long, Long> times = deliveries.stream().collect(Collectors.groupingBy(id -> id, HashMap::new,
                Collectors.counting()));
        Set<Long> lost = new TreeSet<>(created);
        lost.removeAll(times.keySet());
        long duplicated = deliveries.size() - times.size();
        TestFigures.record("new-ticket-restarts", String.format(java.util.Locale.ROOT, "RESTART TEST (%s): tickets "
                + "created %d (%d of them visible only after a newer one), delivered %d, lost %d, duplicated %d; route "
                + "restarts %d, CamelContext restarts %d, API requests %d, %.1f s",
                repositoryType, created.size(), late.get(), times.size(), lost.size(), duplicated, routeRestarts,
                contextRestarts, tickets.requests(), (System.nanoTime() - started) / 1e9));
        assertThat(created).hasSizeGreaterThan(1_000);
        assertThat(lost).as("tickets never delivered").isEmpty();
        assertThat(duplicated).as("tickets delivered more than once").isZero();
    }

    private void startTrigger(CamelContext camel, StateRepository<String, String> repository) throws Exception {
        camel.getShutdownStrategy().setTimeout(10);
        camel.getRegistry().bind("ticketState", repository);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?since=beginning&initialDelay=0&delay=20&stateRepository=#ticketState")
                        .routeId("trigger")
                        .process(exchange -> {
                            delivered.add(Long.valueOf(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class)));
                            // a route that takes a moment, so stops land in the middle of batches
                            if (random.nextInt(20) == 0) {
                                TimeUnit.MILLISECONDS.sleep(3);
                            }
                        });
            }
        });
        if (!camel.isStarted()) {
            camel.start();
        }
    }

    /**
     * Halo's users: mostly one ticket at a time, now and then a burst of 150 (more than a page), and every 25th ticket
     * saved at the same moment as the next one but visible a little later.
     */
    private void createTickets(FakeTicketList tickets, AtomicBoolean creating, AtomicInteger late) {
        Random pace = new Random(7);
        List<Long> hidden = new ArrayList<>();
        try {
            while (tickets.lastId() < TICKETS) {
                if (pace.nextInt(300) == 0) {
                    hidden.forEach(tickets::reveal);
                    hidden.clear();
                    tickets.create(150);
                } else if (tickets.lastId() % 25 == 0) {
                    hidden.add(tickets.reserve());
                    late.incrementAndGet();
                } else {
                    tickets.create(1);
                    if (!hidden.isEmpty() && pace.nextBoolean()) {
                        hidden.forEach(tickets::reveal);
                        hidden.clear();
                    }
                }
                TimeUnit.MILLISECONDS.sleep(pace.nextInt(30));
            }
            hidden.forEach(tickets::reveal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            creating.set(false);
        }
    }
}
