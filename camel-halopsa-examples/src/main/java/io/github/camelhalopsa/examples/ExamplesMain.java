package io.github.camelhalopsa.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import io.github.camelhalopsa.sandbox.WebhookCalls;

/**
 * Runs the three workflows of the reference integration, and a fourth on customers' replies, for a while, against your HaloPSA tenant when the
 * {@code HALOPSA_*} environment variables are set, or else against a HaloPSA sandbox on loopback in which demo users
 * open tickets and reply on closed ones, technicians hand stock assets to customers, and three signed contracts
 * are waiting. Against the sandbox, HaloPSA's webhooks wake the triggers (push).
 */
public final class ExamplesMain {

    /** The signed contracts a sandbox run starts with, in src/main/resources/signed-contracts. */
    static final List<String> SAMPLE_CONTRACTS = List.of("greenfield-bakery.json", "summit-physiotherapy.json",
            "lakeside-legal.json");

    private ExamplesMain() {
    }

    public static void main(String[] args) throws Exception {
        int exitCode = run(System.getenv(), System.getProperties(), System.out);
        // a normal end returns, so that "mvn exec:java" finishes its build; System.exit would end Maven too
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    static int run(Map<String, String> env, Properties systemProperties, PrintStream out) throws Exception {
        ExampleSettings settings;
        HaloTarget target;
        try {
            settings = ExampleSettings.load(systemProperties);
            target = HaloTarget.fromEnvironment(env);
            settings.dsl();
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        HaloSandbox sandbox = null;
        Path inbox = null;
        try {
            if (target.isSandbox()) {
                sandbox = HaloSandbox.start(SandboxOptions.defaults().prepareSpecCheck(true)
                        .newTicketEvery(settings.seconds("examples.sandbox.new-ticket-every", Duration.ofSeconds(2)))
                        .assetAssignmentEvery(settings.seconds("examples.sandbox.asset-handover-every",
                                Duration.ofSeconds(5)))
                        .customerReplyEvery(settings.seconds("examples.sandbox.customer-reply-every",
                                Duration.ofSeconds(6))));
                // the values go in as placeholders, the way secrets should (Camel warns about plain-text ones)
                sandbox.componentProperties().forEach((name, value) -> {
                    String holder = "examples.sandbox." + name.substring("camel.component.halopsa.".length());
                    overrides.put(holder, value);
                    overrides.put(name, "{{" + holder + "}}");
                });
                // a loopback sandbox can be asked often; a real tenant keeps the slower periods of application.properties
                overrideUnlessSet(overrides, systemProperties, "examples.triage.poll-period", "1000");
                overrideUnlessSet(overrides, systemProperties, "examples.assets.poll-period", "2000");
                overrideUnlessSet(overrides, systemProperties, "examples.replies.poll-period", "1000");
                if (systemProperties.getProperty("examples.push") == null) {
                    pushFromTheSandbox(overrides);
                }
                inbox = sampleInbox();
                overrides.put("examples.onboarding.inbox", inbox.toString());
            }
            ExamplesApp app = new ExamplesApp(settings, overrides, out);
            boolean push = ExamplesApp.isPushOn(settings, overrides);
            if (push) {
                app.run().pushOn();
            }
            out.println("camel-halopsa examples (" + ("yaml".equals(app.dsl()) ? "YAML" : "Java DSL") + " routes) against "
                        + target + (sandbox == null ? "" : " at " + sandbox.baseUrl()));
            out.println("Ticket triage, asset hand-over, client onboarding and customer replies; the run ends after "
                        + settings.number("examples.max-tickets", 10) + " tickets or "
                        + settings.seconds("examples.max-seconds", Duration.ofSeconds(60)).toSeconds() + " s.");
            if (push) {
                // a tenant's URL may still hold placeholders here, which Camel resolves: name the setting then
                String url = overrides.getOrDefault("examples.push.url", "examples.push.url");
                out.println("Push on: " + (sandbox == null ? "HaloPSA's" : "the sandbox's") + " webhooks call " + url
                            + "/halo/tickets and /halo/actions; the triggers' scheduled polls run every 5 min.");
            }
            if (sandbox == null) {
                out.println("Signed contracts (JSON) are read from "
                            + Path.of(settings.text("examples.onboarding.inbox", "signed-contracts")).toAbsolutePath());
            }
            out.println();
            app.runToTheEnd();
            int exitCode = app.run().summarise(target.toString(), target.isSandbox());
            if (sandbox != null && push) {
                WebhookCalls calls = sandbox.webhookCalls();
                out.println("  the sandbox made " + calls.sent() + " webhook call(s), " + calls.failed()
                            + " of them failed or refused");
            }
            return exitCode;
        } finally {
            if (sandbox != null) {
                sandbox.stop();
            }
            if (inbox != null) {
                deleteTree(inbox);
            }
        }
    }

    /**
     * Push against the sandbox: the examples serve HTTP on a free loopback port, and the triggers register their
     * webhooks in the sandbox, which calls them from its background thread, on the events of the component's table
     * (the sandbox numbers them as Halo does).
     */
    private static void pushFromTheSandbox(Map<String, String> overrides) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        overrides.put("examples.push", "true");
        overrides.put("examples.push.host", "127.0.0.1");
        overrides.put("examples.push.port", String.valueOf(port));
        overrides.put("examples.push.url", "http://127.0.0.1:" + port);
        overrides.put("examples.push.password", UUID.randomUUID().toString().replace("-", ""));
    }

    private static void overrideUnlessSet(Map<String, String> overrides, Properties systemProperties, String name,
                                          String value) {
        if (systemProperties.getProperty(name) == null) {
            overrides.put(name, value);
        }
    }

    /** A fresh inbox holding the sample signed contracts. */
    static Path sampleInbox() throws IOException {
        Path inbox = Files.createTempDirectory("halopsa-signed-contracts");
        for (String name : SAMPLE_CONTRACTS) {
            try (InputStream in = ExamplesMain.class.getResourceAsStream("/signed-contracts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Sample contract missing from the examples jar: " + name);
                }
                Files.copy(in, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return inbox;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is no reason to fail the run
        }
    }
}
