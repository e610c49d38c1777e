package io.github.camelhalopsa.runtime.jbang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelhalopsa.component.halopsa.loopback.LoopbackHalo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the example YAML route with camel-jbang's own command line, {@code camel run ... --dep=<camel-halopsa>}, in a
 * separate JVM against a HaloPSA on loopback, as a camel-jbang user would on their machine.
 */
class CamelRunTest {

    private static final String CLIENT_ID = "jbang-client";
    private static final String CLIENT_SECRET = "jbang-Secret+42&x";
    private static final Pattern CAMEL_STARTED = Pattern.compile("Apache Camel (\\S+) \\(\\S+\\) started");
    private static final long TIMEOUT_SECONDS = 180;

    @Test
    void exampleRouteListsAgentsThroughCamelRun() throws Exception {
        try (LoopbackHalo halo = LoopbackHalo.start(CLIENT_ID, CLIENT_SECRET)
                .list("Agent", "[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]")) {
            Path work = copyExample();
            Path log = work.resolve("camel-run.log");

            ProcessBuilder camel = new ProcessBuilder(List.of(
                    javaExecutable(), "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                    "-cp", camelCliClasspath(), CamelCli.class.getName(),
                    "run", "halopsa-agents.camel.yaml", "application.properties",
                    "--dep=io.github.camelhalopsa:camel-halopsa:" + System.getProperty("camel-halopsa.version"),
                    "--max-messages=1", "--max-seconds=" + (TIMEOUT_SECONDS - 30), "--logging-color=false"))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = camel.environment();
            environment.put("HALOPSA_CLIENT_ID", CLIENT_ID);
            environment.put("HALOPSA_CLIENT_SECRET", CLIENT_SECRET);
            environment.put("HALOPSA_RESOURCE_SERVER", halo.baseUrl());
            environment.put("HALOPSA_TENANT", "acme");

            Process process = camel.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("camel run did not finish within " + TIMEOUT_SECONDS + " s; output in " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("HaloPSA has 2 agents, the first is Alice");
            // the connection's readiness check may add one GET /api/Agent/me where the runtime runs health checks
            assertThat(halo.requests()).filteredOn(request -> !request.equals("GET /api/Agent/me"))
                    .containsExactly("POST /auth/token?tenant=acme",
                        "GET /api/Agent?pageinate=true&page_size=100&page_no=1");
            assertThat(halo.requests()).filteredOn("GET /api/Agent/me"::equals).hasSizeLessThanOrEqualTo(1);
            assertThat(output).as("the client secret must never be printed").doesNotContain(CLIENT_SECRET);
            report(camelVersion(output));
        }
    }

    private static Path copyExample() throws IOException {
        Path work = Paths.get("target", "camel-run");
        Files.createDirectories(work);
        for (String file : List.of("halopsa-agents.camel.yaml", "application.properties")) {
            Files.copy(Paths.get("example", file), work.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return work;
    }

    private static String camelCliClasspath() throws IOException {
        String dependencies = Files.readString(Paths.get(System.getProperty("camel-cli.classpath-file"))).trim();
        return System.getProperty("camel-cli.classes") + File.pathSeparator + dependencies;
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String camelVersion(String output) {
        Matcher started = CAMEL_STARTED.matcher(output);
        assertThat(started.find()).as("a 'Apache Camel <version> (...) started' line in:\n" + output).isTrue();
        return started.group(1);
    }

    /** One line for .ci/run to print: which Camel the component ran on. */
    private static void report(String camelVersion) throws IOException {
        String line = "camel-jbang " + System.getProperty("camel-jbang.version")
                      + " (camel run): camel-halopsa ran on Apache Camel " + camelVersion;
        System.out.println(line);
        Files.writeString(Paths.get("target", "runtime-report.txt"), line + System.lineSeparator());
    }
}
