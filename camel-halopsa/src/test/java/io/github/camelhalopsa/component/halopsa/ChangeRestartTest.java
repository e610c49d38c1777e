package io.github.camelhalopsa.component.halopsa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.MutableClock;
import io.github.camelhalopsa.sandbox.RecordVersion;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The updated-ticket trigger's promise under restarts, against the sandbox: 500 tickets are created and then changed
 * 2,000 times, in bursts, while the route is stopped and started and the whole CamelContext is replaced by a new one
 * reading the same state file. Every version the sandbox wrote (its change log) is counted against every delivery.
 * Each burst changes a ticket at most once and waits for the one before it, so that no two changes of one ticket
 * fall between two polls (HaloPSA lists a record as it is now, so such changes would be seen as one). Run with the
 * sandbox honouring the date filter and ignoring it, as Halo might.
 */
class ChangeRestartTest {

    private static final int TICKETS = 500;
    private static final int CHANGES = 2_000;
    private static final int BURST = 100;

    @TempDir
    Path folder;

    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();
    private final Random random = new Random(20261202);
    private final java.util.concurrent.atomic.AtomicLong longestWait = new java.util.concurrent.atomic.AtomicLong();

    @ParameterizedTest(name = "ignoreDateFilters={0}")
    @ValueSource(booleans = { false, true })
    void everyChangeDeliveredOnceAcrossRestarts(boolean ignoreDateFilters) throws Exception {
        Path file = folder.resolve("changes.state");
        MutableClock clock = new MutableClock();
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().demoData(false).clock(clock)
                .ignoreDateFilters(ignoreDateFilters).requestBudget(1_000_000, Duration.ofMinutes(5)))) {
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread users = new Thread(() -> {
                try {
                    writeInBursts(sandbox);
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "halo-users");
            long started = System.nanoTime();
            CamelContext current = startTrigger(sandbox, file);
            users.start();
            int routeRestarts = 0;
            int contextRestarts = 0;
            while (users.isAlive()) {
                TimeUnit.MILLISECONDS.sleep(100 + random.nextInt(300));
                if (random.nextBoolean()) {
                    current.getRouteController().stopRoute("trigger");
                    TimeUnit.MILLISECONDS.sleep(random.nextInt(150));
                    current.getRouteController().startRoute("trigger");
                    routeRestarts++;
                } else {
                    current.stop();
                    TimeUnit.MILLISECONDS.sleep(random.nextInt(150));
                    current = startTrigger(sandbox, file);
                    contextRestarts++;
                }
            }
            assertThat(writerFailure.get()).as("the writers' failure").isNull();
            awaitDelivered(versions(sandbox), Duration.ofSeconds(30));
            current.stop();
            long stateBytes = Files.size(file);
            String pagesPerIdlePoll = idleRequests(sandbox, file, clock);
            Set<String> written = versions(sandbox);

            List<String> deliveries = new ArrayList<>(delivered);
            Map<String, Long> times = deliveries.stream().collect(Collectors.groupingBy(key -> key, HashMap::new,
                    Collectors.counting()));
            Set<String> lost = new TreeSet<>(written);
            lost.removeAll(times.keySet());
            Set<String> unknown = new TreeSet<>(times.keySet());
            unknown.removeAll(written);
            long repeated = deliveries.size() - times.size();
            TestFigures.record("change-restarts-" + (ignoreDateFilters ? "filter-ignored" : "filter-honoured"),
                    String.format(Locale.ROOT, "CHANGE RESTART TEST (sandbox %s the date filter): tickets %d, versions "
                                               + "written %d (creations and changes), delivered %d, lost %d, repeated "
                                               + "%d; route restarts %d, CamelContext restarts %d; an idle poll: %s; "
                                               + "state file %.0f KB; longest wait for a burst %.1f s; %.1f s in all",
                            ignoreDateFilters ? "ignoring" : "honouring", TICKETS, written.size(), times.size(),
                            lost.size(), repeated, routeRestarts, contextRestarts, pagesPerIdlePoll,
                            stateBytes / 1024.0, longestWait.get() / 1e9, (System.nanoTime() - started) / 1e9));
            assertThat(written).hasSize(TICKETS + CHANGES + 1); // and the change the idle polls start after
            assertThat(routeRestarts + contextRestarts).isGreaterThan(5);
            assertThat(lost).as("versions never delivered").isEmpty();
            assertThat(unknown).as("deliveries of versions the sandbox never wrote").isEmpty();
            assertThat(repeated).as("versions delivered more than once").isZero();
        }
    }

    private CamelContext startTrigger(HaloSandbox sandbox, Path file) throws Exception {
        return startTrigger(sandbox, file, "initialDelay=0&delay=20");
    }

    private CamelContext startTrigger(HaloSandbox sandbox, Path file, String schedule) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        HaloPsaComponent component = new HaloPsaComponent();
        component.getConfiguration().setClientId(sandbox.clientId());
        component.getConfiguration().setClientSecret(sandbox.clientSecret());
        component.getConfiguration().setResourceServer(sandbox.resourceServer());
        component.getConfiguration().setTenant(sandbox.tenant());
        camel.addComponent("halopsa", component);
        camel.getShutdownStrategy().setTimeout(10);
        camel.getRegistry().bind("changes", FileStateRepository.fileStateRepository(file.toFile()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?trigger=updated&since=beginning&stateRepository=#changes&" + schedule)
                        .routeId("trigger")
                        .process(exchange -> {
                            Map<?, ?> ticket = exchange.getIn().getBody(Map.class);
                            delivered.add(ticket.get("id") + "@" + ticket.get("last_update"));
                            // a route that takes a moment, so stops land in the middle of batches
                            if (random.nextInt(20) == 0) {
                                TimeUnit.MILLISECONDS.sleep(3);
                            }
                        });
            }
        });
        camel.start();
        return camel;
    }

    /** Creations in bursts of 50, then changes of distinct tickets in bursts of 100, each burst once delivered. */
    private void writeInBursts(HaloSandbox sandbox) throws InterruptedException {
        Random pace = new Random(11);
        List<Object> ids = new ArrayList<>();
        while (ids.size() < TICKETS) {
            for (int i = 0; i < 50; i++) {
                Map<String, Object> ticket = new HashMap<>();
                ticket.put("summary", "Printer jammed, burst ticket " + (ids.size() + 1));
                ids.add(sandbox.data().save(SandboxCollection.ticket, ticket).get("id"));
            }
            awaitDelivered(versions(sandbox), Duration.ofSeconds(30));
        }
        for (int burst = 0; burst < CHANGES / BURST; burst++) {
            List<Object> shuffled = new ArrayList<>(ids);
            java.util.Collections.shuffle(shuffled, pace);
            for (Object id : shuffled.subList(0, BURST)) {
                Map<String, Object> change = new HashMap<>();
                change.put("id", id);
                change.put("status_id", 2 + pace.nextInt(3));
                sandbox.data().save(SandboxCollection.ticket, change);
                if (pace.nextInt(10) == 0) {
                    TimeUnit.MILLISECONDS.sleep(pace.nextInt(20));
                }
            }
            awaitDelivered(versions(sandbox), Duration.ofSeconds(30));
        }
    }

    private static Set<String> versions(HaloSandbox sandbox) {
        Set<String> versions = new LinkedHashSet<>();
        for (RecordVersion version : sandbox.changeLog()) {
            if (version.collection() == SandboxCollection.ticket) {
                versions.add(version.key() + "@" + version.changedAt());
            }
        }
        return versions;
    }

    /** Waits until every version is delivered; a burst not delivered in time fails the writers. */
    private void awaitDelivered(Set<String> versions, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!Set.copyOf(delivered).containsAll(versions)) {
            if (System.nanoTime() > deadline) {
                Set<String> missing = new TreeSet<>(versions);
                missing.removeAll(Set.copyOf(delivered));
                throw new AssertionError(missing.size() + " version(s) not delivered within " + timeout + ", e.g. "
                                         + missing.iterator().next());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        longestWait.accumulateAndGet(System.nanoTime() - start, Math::max);
    }

    /**
     * Requests per poll with nothing new, by a trigger on the state the test left, polled by hand ten times. The
     * sandbox's clock first moves past the overlap and one ticket changes, as on a tenant where the last burst was a
     * while ago: what the poll asks for then holds that change only.
     */
    private String idleRequests(HaloSandbox sandbox, Path file, MutableClock clock) throws Exception {
        clock.advance(Duration.ofMinutes(10));
        Map<String, Object> change = new HashMap<>();
        change.put("id", sandbox.data().list(SandboxCollection.ticket).get(0).get("id"));
        change.put("status_id", 5);
        sandbox.data().save(SandboxCollection.ticket, change);
        CamelContext camel = startTrigger(sandbox, file, "startScheduler=false");
        try {
            TriggerConsumer<?> consumer = (TriggerConsumer<?>) camel.getRoute("trigger").getConsumer();
            consumer.run(); // delivers that change
            int deliveredBefore = delivered.size();
            long before = apiRequests(sandbox);
            int polls = 10;
            for (int i = 0; i < polls; i++) {
                consumer.run();
            }
            assertThat(delivered).as("deliveries by idle polls").hasSize(deliveredBefore);
            return String.format(Locale.ROOT, "%.1f request(s) per poll over %d polls",
                    (apiRequests(sandbox) - before) / (double) polls, polls);
        } finally {
            camel.stop();
        }
    }

    private static long apiRequests(HaloSandbox sandbox) {
        return sandbox.wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith("/api/")).count();
    }
}
