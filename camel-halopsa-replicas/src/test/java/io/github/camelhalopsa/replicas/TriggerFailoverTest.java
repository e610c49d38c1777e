package io.github.camelhalopsa.replicas;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replicas (separate JVMs) of an application whose New Ticket Record trigger runs under ClusteredRoutePolicy
 * with FileLockClusterService on a shared folder and keeps its state in PostgreSQL (JdbcStateRepository), against one
 * sandbox. Tickets arrive in bursts; the leader is killed with kill -9 mid-burst, later stopped gracefully mid-burst,
 * later killed again, and each time a fresh replica is started in its place, as a platform would. Every ticket must be
 * delivered; a ticket may come twice only when its exchange was in flight at a kill -9, never after the graceful stop.
 */
class TriggerFailoverTest {

    private static final int BURSTS = 10;
    private static final int TICKETS_PER_BURST = 100;
    /** Of a burst, this many are delivered before the leader is stopped: the stop lands mid-burst. */
    private static final int DELIVERED_BEFORE_STOP = 30;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private enum Stop { KILL, GRACEFUL }

    private record Event(int burst, Stop stop, String node, long atMillis) {
    }

    @TempDir
    Path clusterFolder;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void everyTicketIsDeliveredWhileTheLeaderIsKilledAndStopped() throws Exception {
        Map<Integer, Stop> stops = Map.of(3, Stop.KILL, 6, Stop.GRACEFUL, 8, Stop.KILL);
        try (TestDatabase database = TestDatabase.start();
             // the spec check is proven elsewhere and costs CPU this test would rather give the replicas
             HaloSandbox halo = HaloSandbox.start(SandboxOptions.defaults().demoData(false).specCheck(false)
                     .requestBudget(1_000_000, Duration.ofMinutes(5)));
             ReplicaProcesses processes = new ReplicaProcesses("failover")) {
            database.execute("CREATE TABLE deliveries (ticket_id BIGINT, node VARCHAR(20), at_millis BIGINT)");
            database.execute("CREATE TABLE leaders (node VARCHAR(20), at_millis BIGINT)");
            Map<String, Process> replicas = new LinkedHashMap<>();
            int nextNode = 1;
            for (; nextNode <= 3; nextNode++) {
                replicas.put(node(nextNode), startReplica(processes, node(nextNode), database, halo));
            }
            awaitTrue("a leader", () -> count(database, "SELECT count(*) FROM leaders") > 0);

            List<Event> events = new ArrayList<>();
            for (int burst = 1; burst <= BURSTS; burst++) {
                int before = (burst - 1) * TICKETS_PER_BURST;
                for (int i = 0; i < TICKETS_PER_BURST; i++) {
                    halo.data().save(SandboxCollection.ticket, Map.of("summary", "burst " + burst + " ticket " + i));
                }
                Stop stop = stops.get(burst);
                if (stop != null) {
                    awaitTrue("part of burst " + burst, () -> distinctDelivered(database) >= before
                                                                                            + DELIVERED_BEFORE_STOP);
                    String leader = currentLeader(database);
                    Process process = replicas.remove(leader);
                    long at = System.currentTimeMillis();
                    if (stop == Stop.KILL) {
                        process.destroyForcibly();
                    } else {
                        // SIGTERM: Camel Main shuts the context down gracefully
                        process.destroy();
                    }
                    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(leader + " ended").isTrue();
                    events.add(new Event(burst, stop, leader, at));
                    replicas.put(node(nextNode), startReplica(processes, node(nextNode), database, halo));
                    nextNode++;
                }
                int expected = burst * TICKETS_PER_BURST;
                awaitTrue("burst " + burst + " delivered", () -> distinctDelivered(database) >= expected);
            }

            report(database, events);
        }
    }

    private void report(TestDatabase database, List<Event> events) throws Exception {
        int tickets = BURSTS * TICKETS_PER_BURST;
        Map<Long, List<String>> deliveredBy = deliveries(database);
        long total = deliveredBy.values().stream().mapToLong(List::size).sum();
        Figures figures = new Figures("failover");
        figures.line("Failover: 3 replica JVMs, ClusteredRoutePolicy + FileLockClusterService (lock checked every 1 s), "
                     + "JdbcStateRepository on PostgreSQL, %d tickets in %d bursts of %d", tickets, BURSTS,
                TICKETS_PER_BURST);
        figures.line("delivered: %d distinct tickets, %d deliveries, %d duplicates", deliveredBy.size(), total,
                total - deliveredBy.size());
        Map<Event, Long> duplicatesOf = new LinkedHashMap<>();
        for (Event event : events) {
            long takeover = count(database, "SELECT min(at_millis) FROM leaders WHERE at_millis > " + event.atMillis()
                                            + " AND node <> '" + event.node() + "'") - event.atMillis();
            long firstDelivery = count(database, "SELECT min(at_millis) FROM deliveries WHERE at_millis > "
                                                 + event.atMillis() + " AND node <> '" + event.node() + "'")
                                 - event.atMillis();
            // a duplicate of this event: first delivered by the stopped leader, and again by the replica after it
            long duplicates = deliveredBy.values().stream()
                    .filter(nodes -> nodes.size() > 1 && nodes.get(0).equals(event.node())).count();
            duplicatesOf.put(event, duplicates);
            figures.line("burst %d, %s of leader %s: the new leader's route started %d ms later, its first delivery "
                         + "%d ms later; tickets delivered twice: %d", event.burst(),
                    event.stop() == Stop.KILL ? "kill -9" : "graceful stop (SIGTERM)", event.node(), takeover,
                    firstDelivery, duplicates);
        }
        figures.write();

        assertThat(deliveredBy).as("tickets delivered at least once").hasSize(tickets);
        assertThat(deliveredBy.keySet()).allMatch(id -> id >= 1 && id <= tickets);
        duplicatesOf.forEach((event, duplicates) -> {
            if (event.stop() == Stop.GRACEFUL) {
                assertThat(duplicates).as("duplicates after the graceful stop of " + event.node()).isZero();
            } else {
                // only the exchange in flight at the kill: its ticket was handled, its watermark not yet saved
                assertThat(duplicates).as("duplicates after the kill of " + event.node()).isLessThanOrEqualTo(1);
            }
        });
        assertThat(total - tickets).as("every duplicate follows a kill")
                .isEqualTo(duplicatesOf.values().stream().mapToLong(Long::longValue).sum());
        assertThat(deliveredBy.values()).as("no ticket delivered three times").allMatch(nodes -> nodes.size() <= 2);
    }

    /** Per ticket, the replicas that delivered it, in the order they did. */
    private static Map<Long, List<String>> deliveries(TestDatabase database) throws Exception {
        Map<Long, List<String>> deliveredBy = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT ticket_id, node FROM deliveries ORDER BY at_millis, node")) {
            while (row.next()) {
                deliveredBy.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
            }
        }
        return deliveredBy;
    }

    private static String node(int number) {
        return "node-" + number;
    }

    private Process startReplica(ReplicaProcesses processes, String node, TestDatabase database, HaloSandbox halo)
            throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(halo.componentProperties());
        properties.put("replica.node", node);
        properties.put("replica.workMillis", "10");
        properties.put("replica.pollDelay", "200");
        properties.put("camel.main.name", node);
        // a replica the test lost track of ends by itself
        properties.put("camel.main.duration-max-seconds", "300");
        properties.put("camel.cluster.file.enabled", "true");
        properties.put("camel.cluster.file.root", clusterFolder.toString());
        properties.put("camel.cluster.file.acquire-lock-delay", "1");
        properties.put("camel.cluster.file.acquire-lock-interval", "1");
        properties.put("camel.beans.stateDb", "#class:com.zaxxer.hikari.HikariDataSource");
        properties.put("camel.beans.stateDb.jdbcUrl", database.jdbcUrl());
        properties.put("camel.beans.stateDb.maximumPoolSize", "4");
        properties.put("camel.beans.ticketState", "#class:io.github.camelhalopsa.replicas.JdbcStateRepository");
        properties.put("camel.beans.ticketState.dataSource", "#bean:stateDb");
        return processes.start(node, TriggerReplica.class, properties);
    }

    private static String currentLeader(TestDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT node FROM leaders ORDER BY at_millis DESC LIMIT 1")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static long distinctDelivered(TestDatabase database) {
        return count(database, "SELECT count(DISTINCT ticket_id) FROM deliveries");
    }

    private static long count(TestDatabase database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits, bounded, for something the replicas do; fails naming it. */
    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("waited " + STEP_TIMEOUT.toSeconds() + " s for " + what)
                    .isTrue();
            Thread.sleep(20);
        }
    }
}
