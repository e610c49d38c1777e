package io.github.camelhalopsa.examples;

import java.io.PrintStream;
import java.util.Map;

import io.github.camelhalopsa.examples.routes.AssetInventoryRoute;
import io.github.camelhalopsa.examples.routes.ClientOnboardingRoute;
import io.github.camelhalopsa.examples.routes.ExampleRouteConfiguration;
import io.github.camelhalopsa.examples.routes.TicketTriageRoute;
import org.apache.camel.main.Main;

/**
 * The three workflows in one Camel Main: the Java DSL routes, or the YAML routes in {@code routes/*.yaml}, with the
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
        main.configure().addRoutesBuilder(new ExampleRouteConfiguration());
        if ("yaml".equals(dsl)) {
            main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/*.yaml");
        } else {
            main.configure().addRoutesBuilder(new TicketTriageRoute());
            main.configure().addRoutesBuilder(new AssetInventoryRoute());
            main.configure().addRoutesBuilder(new ClientOnboardingRoute());
        }
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
