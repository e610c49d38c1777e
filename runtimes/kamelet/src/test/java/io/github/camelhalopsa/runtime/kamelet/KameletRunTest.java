package io.github.camelhalopsa.runtime.kamelet;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the example YAML routes, which use the three Kamelets of the installed camel-halopsa jar, on camel-main with
 * camel-kamelet in a JVM of its own (the application's classpath only), against a HaloPSA sandbox in this JVM.
 */
class KameletRunTest {

    private static final String CLIENT_ID = "kamelet-client";
    private static final String CLIENT_SECRET = "kamelet-Secret+42&x";
    private static final String NEW_CLIENT_NAME = "Kamelet Sink Client " + System.nanoTime();
    private static final Pattern CAMEL_STARTED = Pattern.compile("Apache Camel (\\S+) \\(\\S+\\) started");
    private static final Pattern NEW_TICKET = Pattern.compile("New ticket (\\d+): (\\{.*})");
    private static final Pattern TICKET_NOW = Pattern.compile("Ticket now: (\\{.*})");
    private static final Pattern FETCHED = Pattern.compile("Fetched client: (\\{.*})");
    private static final long TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachKameletDoesItsJobInAYamlRoute() throws Exception {
        try (HaloSandbox halo = HaloSandbox.start(SandboxOptions.defaults()
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).tenant("acme"))) {
            List<Map<String, Object>> tickets = halo.data().list(SandboxCollection.ticket);
            Object ticketClient = clientWithMostTickets(tickets);
            List<String> expectedTickets = tickets.stream()
                    .filter(ticket -> text(ticket.get("client_id")).equals(text(ticketClient)))
                    .map(ticket -> text(ticket.get("id")))
                    .sorted(Comparator.comparingLong(Long::parseLong)).toList();
            assertThat(expectedTickets.size()).as("the filter must leave some tickets out").isLessThan(tickets.size());
            Map<String, Object> fetchedClient = halo.data().list(SandboxCollection.client).get(1);
            int clientsBefore = halo.data().size(SandboxCollection.client);

            Path work = copyExample();
            Path log = work.resolve("camel-main.log");
            ProcessBuilder camel = new ProcessBuilder(List.of(
                    // the folder first: camel-main reads application.properties from the classpath
                    javaExecutable(), "-cp", work.toAbsolutePath() + File.pathSeparator + System.getProperty("application.classpath"),
                    "-Dcamel.main.durationMaxSeconds=" + (TIMEOUT_SECONDS - 30),
                    "org.apache.camel.main.Main"))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = camel.environment();
            environment.put("HALOPSA_CLIENT_ID", CLIENT_ID);
            environment.put("HALOPSA_CLIENT_SECRET", CLIENT_SECRET);
            environment.put("HALOPSA_RESOURCE_SERVER", halo.resourceServer());
            environment.put("HALOPSA_TENANT", "acme");
            environment.put("TICKET_CLIENT_ID", text(ticketClient));
            environment.put("NEW_CLIENT_NAME", NEW_CLIENT_NAME);
            environment.put("FETCH_CLIENT_ID", text(fetchedClient.get("id")));

            Process process = camel.start();
            // the source never ends by itself: once each route has logged what it is expected to, the application is
            // stopped as a service manager stops it (SIGTERM), and Camel shuts down gracefully
            String lastTicket = expectedTickets.get(expectedTickets.size() - 1);
            List<String> awaited = List.of("Ticket now: {\"id\":" + lastTicket + ",", "Saved client:", "Fetched client:");
            boolean allLogged = awaitInLog(log, awaited, process);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("camel-main did not stop within 60 s of SIGTERM; output in " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(allLogged).as("the routes logged " + awaited + " within " + TIMEOUT_SECONDS + " s:\n" + output)
                    .isTrue();
            assertThat(output).doesNotContain("Exception", "ERROR");
            assertThat(output).as("a graceful shutdown").containsPattern("Apache Camel \\S+ \\(\\S+\\) shutdown in");

            // the source: each ticket of that client once, oldest first, as JSON, and no other ticket
            List<String> delivered = new ArrayList<>();
            Matcher newTicket = NEW_TICKET.matcher(output);
            while (newTicket.find()) {
                Map<?, ?> ticket = JSON.readValue(newTicket.group(2), Map.class);
                assertThat(text(ticket.get("id"))).isEqualTo(newTicket.group(1));
                assertThat(text(ticket.get("client_id"))).isEqualTo(text(ticketClient));
                delivered.add(newTicket.group(1));
            }
            assertThat(delivered).as(output).isEqualTo(expectedTickets);
            // the watermark, in the state repository bean the route named
            Properties state = new Properties();
            try (Reader reader = Files.newBufferedReader(work.resolve("halopsa-tickets.properties"))) {
                state.load(reader);
            }
            assertThat(state).hasSize(1);
            assertThat(state.stringPropertyNames()).singleElement().asString()
                    .endsWith("[client_id:" + text(ticketClient) + "]");
            assertThat(state.values()).singleElement().asString().startsWith("{\"watermark\":" + lastTicket + ",");

            // the action with its default id, the source's CamelHaloPsaId header: each ticket fetched again
            List<String> fetchedTickets = new ArrayList<>();
            Matcher ticketNow = TICKET_NOW.matcher(output);
            while (ticketNow.find()) {
                fetchedTickets.add(text(JSON.readValue(ticketNow.group(1), Map.class).get("id")));
            }
            assertThat(fetchedTickets).isEqualTo(expectedTickets);

            // the sink: the client is in HaloPSA
            assertThat(halo.data().size(SandboxCollection.client)).isEqualTo(clientsBefore + 1);
            assertThat(halo.data().list(SandboxCollection.client))
                    .filteredOn(client -> NEW_CLIENT_NAME.equals(client.get("name"))).hasSize(1);
            assertThat(output).contains("Saved client: {").contains("name=" + NEW_CLIENT_NAME);

            // the action: the client asked for, as JSON
            Matcher fetched = FETCHED.matcher(output);
            assertThat(fetched.find()).as(output).isTrue();
            Map<?, ?> client = JSON.readValue(fetched.group(1), Map.class);
            assertThat(text(client.get("id"))).isEqualTo(text(fetchedClient.get("id")));
            assertThat(client.get("name")).isEqualTo(fetchedClient.get("name"));

            assertThat(output).as("the client secret must never be printed").doesNotContain(CLIENT_SECRET);
            report(camelVersion(output));
        }
    }

    /** The classpath of the application must hold one Camel, the one this build is for. */
    @Test
    void applicationRunsOnOneCamelVersion() throws IOException {
        String version = System.getProperty("camel.version");
        List<String> camelJars = Arrays.stream(System.getProperty("application.classpath").split(File.pathSeparator))
                .map(entry -> Paths.get(entry).getFileName().toString())
                .filter(name -> name.startsWith("camel-") && !name.startsWith("camel-halopsa"))
                .toList();
        assertThat(camelJars).contains("camel-kamelet-" + version + ".jar", "camel-main-" + version + ".jar",
                "camel-yaml-dsl-" + version + ".jar");
        assertThat(camelJars).allSatisfy(jar -> assertThat(jar).endsWith("-" + version + ".jar"));
    }

    /** Waits until the log holds every one of the lines, or the time is up, or the application ended. */
    private static boolean awaitInLog(Path log, List<String> lines, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (lines.stream().allMatch(output::contains)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static Object clientWithMostTickets(List<Map<String, Object>> tickets) {
        Map<String, Long> perClient = tickets.stream()
                .collect(Collectors.groupingBy(ticket -> text(ticket.get("client_id")), Collectors.counting()));
        return perClient.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Ids compare as text: the sandbox may hold 12, the JSON 12 or "12". */
    private static String text(Object value) {
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            return Long.toString(number.longValue());
        }
        return String.valueOf(value);
    }

    private static Path copyExample() throws IOException {
        Path work = Paths.get("target", "kamelet-run");
        Files.createDirectories(work);
        Files.deleteIfExists(work.resolve("halopsa-tickets.properties"));
        for (String file : List.of("halopsa-kamelets.camel.yaml", "application.properties")) {
            Files.copy(Paths.get("example", file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return work;
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String camelVersion(String output) {
        Matcher started = CAMEL_STARTED.matcher(output);
        assertThat(started.find()).as("a 'Apache Camel <version> (...) started' line in:\n" + output).isTrue();
        return started.group(1);
    }

    /** One line for .ci/run to print: which Camel the Kamelets ran on. */
    private static void report(String camelVersion) throws IOException {
        String line = "camel-main + camel-kamelet " + System.getProperty("camel.version")
                      + " (YAML routes using the jar's Kamelets): camel-halopsa ran on Apache Camel " + camelVersion;
        System.out.println(line);
        Files.writeString(Paths.get("target", "runtime-report.txt"), line + System.lineSeparator());
    }
}
