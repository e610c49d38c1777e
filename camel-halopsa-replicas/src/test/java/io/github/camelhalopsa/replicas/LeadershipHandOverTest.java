package io.github.camelhalopsa.replicas;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cluster service does to the trigger's route when leadership moves, without the processes: two replicas
 * (two CamelContexts, each with its own JdbcStateRepository on one database) take turns, their routes stopped and
 * started as ClusteredRoutePolicy does. Each goes on from what the other stored, and a replica whose route comes
 * back a second time (its state repository lease released at the stop) starts again without complaint.
 */
class LeadershipHandOverTest {

    @Test
    void eachNewLeaderGoesOnFromTheSharedStateAndARouteStartsAgainOnTheSameReplica() throws Exception {
        try (TestDatabase database = TestDatabase.start();
             HaloSandbox halo = HaloSandbox.start(SandboxOptions.defaults().demoData(false).specCheck(false))) {
            List<Long> delivered = new CopyOnWriteArrayList<>();
            CamelContext first = replica(halo, database, delivered);
            CamelContext second = replica(halo, database, delivered);
            try {
                takeTurn(first, halo, delivered, 5);
                takeTurn(second, halo, delivered, 5);
                takeTurn(first, halo, delivered, 5);
            } finally {
                first.stop();
                second.stop();
            }

            assertThat(delivered).containsExactlyElementsOf(LongStream.rangeClosed(1, 15).boxed().toList());
        }
    }

    /** Tickets arrive, the replica becomes leader, delivers them, and loses leadership again. */
    private static void takeTurn(CamelContext replica, HaloSandbox halo, List<Long> delivered, int tickets)
            throws Exception {
        int expected = delivered.size() + tickets;
        for (int i = 0; i < tickets; i++) {
            halo.data().save(SandboxCollection.ticket, Map.of("summary", "ticket " + i));
        }
        replica.getRouteController().startRoute("new-tickets");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        replica.getRouteController().stopRoute("new-tickets");
        assertThat(delivered).hasSize(expected);
    }

    private static CamelContext replica(HaloSandbox halo, TestDatabase database, List<Long> delivered)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        HaloPsaComponent halopsa = new HaloPsaComponent();
        halopsa.getConfiguration().setResourceServer(halo.resourceServer());
        halopsa.getConfiguration().setClientId(halo.clientId());
        halopsa.getConfiguration().setClientSecret(halo.clientSecret());
        halopsa.getConfiguration().setTenant(halo.tenant());
        context.addComponent("halopsa", halopsa);
        context.getRegistry().bind("ticketState", new JdbcStateRepository(database.dataSource()));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?since=beginning&stateRepository=#ticketState&delay=100&initialDelay=0")
                        .routeId("new-tickets").autoStartup(false)
                        .process(exchange -> delivered.add(
                                Long.parseLong(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class))));
            }
        });
        context.start();
        return context;
    }
}
