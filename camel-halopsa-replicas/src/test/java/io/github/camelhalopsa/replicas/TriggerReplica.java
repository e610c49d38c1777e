package io.github.camelhalopsa.replicas;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Properties;

import javax.sql.DataSource;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.main.Main;
import org.apache.camel.support.RoutePolicySupport;

/**
 * One replica of an application with a New Ticket Record trigger, for the failover test: Camel Main configured by
 * properties only (the cluster service, the DataSource and the JDBC state repository are camel.cluster.file.* and
 * camel.beans.* properties, as src-docs/replicas.adoc shows), and a route under ClusteredRoutePolicy. Each delivered
 * ticket is recorded in the table deliveries, and each time this replica's route starts (it became leader) in the
 * table leaders, both in the same PostgreSQL.
 */
public final class TriggerReplica {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        String node = properties.getProperty("replica.node");
        long workMillis = Long.parseLong(properties.getProperty("replica.workMillis"));
        Main main = new Main();
        main.setInitialProperties(properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from("halopsa:ticket?since=beginning&stateRepository=#ticketState&delay={{replica.pollDelay}}"
                     + "&initialDelay=0")
                        .routeId("new-tickets")
                        .routePolicy(ClusteredRoutePolicy.forNamespace("halopsa-tickets"), new RecordLeadership(node))
                        .process(exchange -> {
                            record(exchange, "INSERT INTO deliveries (ticket_id, node, at_millis) VALUES (?, ?, ?)",
                                    Long.parseLong(exchange.getIn().getHeader(HaloPsaConstants.ID, String.class)),
                                    node);
                            // the route's own work: what is in flight when a replica is killed
                            Thread.sleep(workMillis);
                        });
            }
        });
        main.run();
    }

    /** Records when this replica's route started, that is when it became the leader. */
    private static final class RecordLeadership extends RoutePolicySupport {
        private final String node;

        RecordLeadership(String node) {
            this.node = node;
        }

        @Override
        public void onStart(Route route) {
            try (Connection connection = dataSource(route.getCamelContext()).getConnection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO leaders (node, at_millis) VALUES (?, ?)")) {
                insert.setString(1, node);
                insert.setLong(2, System.currentTimeMillis());
                insert.executeUpdate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void record(Exchange exchange, String sql, long ticketId, String node) throws Exception {
        try (Connection connection = dataSource(exchange.getContext()).getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, ticketId);
            insert.setString(2, node);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
        }
    }

    private static DataSource dataSource(org.apache.camel.CamelContext context) {
        return context.getRegistry().lookupByNameAndType("stateDb", DataSource.class);
    }

    private TriggerReplica() {
    }
}
