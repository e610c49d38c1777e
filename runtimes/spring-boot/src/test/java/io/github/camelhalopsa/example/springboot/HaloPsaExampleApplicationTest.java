package io.github.camelhalopsa.example.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;

import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the example application, with its own application.properties, against a HaloPSA on loopback: the timer route
 * must list the agents with the credentials the starter bound, and the secret must never appear in the output.
 */
@SpringBootTest(properties = {
        // keep the application up for the test instead of stopping after the first message
        "camel.main.run-controller=false", "camel.main.duration-max-messages=0" })
@ExtendWith(OutputCaptureExtension.class)
class HaloPsaExampleApplicationTest {

    private static final String CLIENT_ID = "spring-boot-client";
    private static final String CLIENT_SECRET = "Boot-Secret+42&x";
    private static final String EXPECTED_LOG = "HaloPSA has 2 agents, the first is Alice";
    private static final LoopbackHalo HALO = startHalo();

    @Autowired
    private CamelContext camelContext;

    @DynamicPropertySource
    static void haloPsaEnvironment(DynamicPropertyRegistry registry) {
        // the names application.properties reads, as the environment would provide them
        registry.add("HALOPSA_CLIENT_ID", () -> CLIENT_ID);
        registry.add("HALOPSA_CLIENT_SECRET", () -> CLIENT_SECRET);
        registry.add("HALOPSA_RESOURCE_SERVER", HALO::baseUrl);
        registry.add("HALOPSA_TENANT", () -> "acme");
    }

    @Test
    void timerRouteListsTheAgentsWithTheBoundCredentials(CapturedOutput output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!output.getAll().contains(EXPECTED_LOG) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(output.getAll()).contains(EXPECTED_LOG);
        // the connection's readiness check may add one GET /api/Agent/me where the runtime runs health checks
        assertThat(HALO.requests()).filteredOn(request -> !request.equals("GET /api/Agent/me"))
                .containsExactly("POST /auth/token?tenant=acme",
                        "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
        assertThat(HALO.requests()).filteredOn("GET /api/Agent/me"::equals).hasSizeLessThanOrEqualTo(1);
        assertThat(output.getAll()).as("the client secret must never be printed").doesNotContain(CLIENT_SECRET)
                .as("Camel's security policy accepts how the example sets its secrets").doesNotContain("SECURITY WARNING");
        report();
    }

    @AfterAll
    static void stopHalo() {
        HALO.close();
    }

    private static LoopbackHalo startHalo() {
        try {
            return LoopbackHalo.start(CLIENT_ID, CLIENT_SECRET)
                    .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line for .ci/run to print: which Camel the component ran on. */
    private void report() throws IOException {
        String line = "Spring Boot " + SpringBootVersion.getVersion() + " (camel-halopsa-spring-boot-starter): "
                      + "camel-halopsa ran on Apache Camel " + camelContext.getVersion();
        System.out.println(line);
        Files.writeString(Paths.get("target", "runtime-report.txt"), line + System.lineSeparator());
    }
}
