package io.github.camelhalopsa.examples;

import java.io.PrintStream;
import java.util.Map;

import io.github.camelhalopsa.examples.routes.AssetInventoryRoute;
import io.github.camelhalopsa.examples.routes.ClientOnboardingRoute;
import io.github.camelhalopsa.examples.routes.CustomerReplyRoute;
import io.github.camelhalopsa.examples.routes.ExampleRouteConfiguration;
import io.github.camelhalopsa.examples.routes.TicketTriageRoute;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The four workflows in one Camel Main: the Java DSL routes, or the YAML routes in {@code routes/*.yaml}, with the
 * beans and settings of application.properties shared by both.
 */
final class ExamplesApp {

    private final Main main = new Main();
    private final ExampleRun run;
    private final String dsl;

    /**
     * @param overrides Camel properties that win over application.properties (the sandbox's connection settings)
     */
    ExamplesApp(ExampleSettings settings, Map<String, String> overrides, PrintStream out) {
        this.dsl = settings.dsl();
        this.run = new ExampleRun(out, settings.number("examples.max-tickets", 10),
                settings.seconds("examples.max-seconds", java.time.Duration.ofSeconds(60)), main::completed);
        main.bind("run", run);
        overrides.forEach(main::addOverrideProperty);
        if (isPushOn(settings, overrides)) {
            // the triggers of workflows 1 and 4 take their push variants (application.properties), and get a server
            main.addOverrideProperty("examples.triage.from", "{{examples.triage.push-from}}");
            main.addOverrideProperty("examples.replies.from", "{{examples.replies.push-from}}");
            serveHttp(setting(settings, overrides, "examples.push.host", "127.0.0.1"),
                    Integer.parseInt(setting(settings, overrides, "examples.push.port", "8080")));
        }
        main.configure().addRoutesBuilder(new ExampleRouteConfiguration());
        if ("yaml".equals(dsl)) {
            main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/*.yaml");
        } else {
            main.configure().addRoutesBuilder(new TicketTriageRoute());
            main.configure().addRoutesBuilder(new AssetInventoryRoute());
            main.configure().addRoutesBuilder(new ClientOnboardingRoute());
            main.configure().addRoutesBuilder(new CustomerReplyRoute());
        }
    }

    /** Whether HaloPSA's webhooks wake the triggers: {@code examples.push}, which a sandbox run sets. */
    static boolean isPushOn(ExampleSettings settings, Map<String, String> overrides) {
        return Boolean.parseBoolean(setting(settings, overrides, "examples.push", "false"));
    }

    private static String setting(ExampleSettings settings, Map<String, String> overrides, String name,
                                  String fallback) {
        String value = overrides.get(name);
        return value != null ? value : settings.text(name, fallback);
    }

    /**
     * Camel's platform-http on Vert.x, the HTTP engine the push listeners are served by. camel-main's own
     * {@code camel.server.*} server needs camel-platform-http-main; this adds the Vert.x server as a service, which
     * starts with the context and before the routes.
     */
    private void serveHttp(String host, int port) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
                configuration.setBindHost(host);
                configuration.setBindPort(port);
                CamelContext context = support.getCamelContext();
                try {
                    context.addService(new VertxPlatformHttpServer(configuration));
                } catch (Exception e) {
                    throw new IllegalStateException("Could not serve HTTP on " + host + ":" + port + " for push", e);
                }
            }
        });
    }

    String dsl() {
        return dsl;
    }

    ExampleRun run() {
        return run;
    }

    /** Runs until the run's limit is reached, then stops Camel. */
    void runToTheEnd() throws Exception {
        run.start();
        try {
            main.run();
        } finally {
            run.stop();
        }
    }

    /** Starts without waiting, for tests that drive the sandbox while the routes run. */
    void start() throws Exception {
        main.start();
    }

    void stop() throws Exception {
        run.stop();
        main.stop();
    }
}
