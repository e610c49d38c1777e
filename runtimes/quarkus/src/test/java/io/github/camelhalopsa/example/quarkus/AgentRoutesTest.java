package io.github.camelhalopsa.example.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example's route through the component in Quarkus JVM mode against a HaloPSA on loopback, which only
 * answers to the credentials the application's properties name: a list of agents means they reached the component.
 */
@QuarkusTest
@WithTestResource(LoopbackHaloResource.class)
class AgentRoutesTest {

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate template;

    @Test
    void routeListsTheAgentsThroughTheComponent() throws IOException {
        List<Map<String, Object>> agents = template.requestBody("direct:agents", (Object) null, List.class);

        assertThat(agents).extracting(agent -> agent.get("name")).containsExactly("Alice", "Bob");
        assertThat(Files.readString(Paths.get("target", "quarkus-test.log")))
                .contains("HaloPSA has 2 agents, the first is Alice")
                .as("the client secret must never be printed").doesNotContain(LoopbackHaloResource.CLIENT_SECRET);
        report();
    }

    /** One line for .ci/run to print: which Camel the component ran on. */
    private void report() throws IOException {
        String line = "Quarkus " + System.getProperty("quarkus.platform.version") + " (Camel Quarkus "
                      + System.getProperty("camel-quarkus.version") + ", JVM mode): camel-halopsa ran on Apache Camel "
                      + camelContext.getVersion();
        System.out.println(line);
        Files.writeString(Paths.get("target", "runtime-report.txt"), line + System.lineSeparator());
    }
}
