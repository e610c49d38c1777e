package io.github.camelhalopsa.examples.newtickets;

import java.util.Arrays;

import org.apache.camel.main.Main;

/**
 * Runs the new-ticket example with Camel Main: the Java DSL route by default, the YAML route with {@code --yaml}.
 * Connection settings come from the environment, see {@code new-tickets/application.properties}.
 */
public final class NewTicketsApplication {

    private NewTicketsApplication() {
    }

    public static void main(String... args) throws Exception {
        create(Arrays.asList(args).contains("--yaml")).run();
    }

    /** The example's Camel Main, with its properties and the route in Java or in YAML. */
    static Main create(boolean yaml) {
        // no package scanning: the route is chosen below, Java or YAML, never both
        Main main = new Main();
        main.setPropertyPlaceholderLocations("classpath:new-tickets/application.properties");
        if (yaml) {
            main.configure().withRoutesIncludePattern("classpath:new-tickets/new-tickets.yaml");
        } else {
            main.configure().addRoutesBuilder(new NewTicketRoutes());
        }
        return main;
    }
}
