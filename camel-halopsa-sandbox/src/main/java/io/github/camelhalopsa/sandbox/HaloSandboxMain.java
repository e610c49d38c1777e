package io.github.camelhalopsa.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox from the command line until it is stopped (Ctrl-C):
 *
 * <pre>
 * java -cp ... io.github.camelhalopsa.sandbox.HaloSandboxMain --port 8080 --tickets-every 30s
 * </pre>
 */
public final class HaloSandboxMain {

    private static final String USAGE = """
            Usage: HaloSandboxMain [options]
              --port N               loopback port (default: any free port)
              --client-id ID         client id to accept (default %s)
              --client-secret S      client secret to accept (default %s)
              --tenant T             tenant of a Halo-hosted instance (default %s)
              --on-premise           take no tenant, as an on-premise install
              --scopes "S ..."       scopes granted to the API application (default all)
              --budget N             requests per rolling window before 429 (default 300)
              --budget-window D      the window, e.g. 5m or 60s (default 5m)
              --tickets-every D      a demo user opens a ticket this often, e.g. 30s
              --assets-every D       a technician hands a stock asset to a customer this often
              --ticket-changes-every D  a technician changes an open ticket this often
              --customer-replies-every D  a customer replies on a closed ticket this often
              --no-demo-data         start empty
              --no-spec-check        do not answer 400 to requests Halo's OpenAPI document does not allow
              --auth-path P          the authorisation server's path, token endpoint P/token (default /auth;
                                     "" for a trial-style /token)
              --tickets-ignore-order /Tickets ignores order and orderdesc and serves the oldest first
              --ignore-date-filters  lists ignore lastupdatefromdate/-todate and startdate/enddate
            """.formatted(SandboxOptions.DEFAULT_CLIENT_ID, SandboxOptions.DEFAULT_CLIENT_SECRET,
            SandboxOptions.DEFAULT_TENANT);

    private HaloSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        HaloSandbox sandbox = HaloSandbox.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "halo-sandbox-shutdown"));
        describe(sandbox, System.out);
        stopped.await();
    }

    static void describe(HaloSandbox sandbox, PrintStream out) {
        SandboxOptions options = sandbox.options();
        out.println("HaloPSA sandbox running at " + sandbox.baseUrl() + " (API " + sandbox.apiUrl() + ", token endpoint "
                    + sandbox.authServer() + "/token)");
        out.println("  camel.component.halopsa.resource-server = " + sandbox.resourceServer());
        out.println("  camel.component.halopsa.client-id = " + sandbox.clientId());
        // the built-in secret is published in the docs; one given on the command line is not repeated
        out.println("  camel.component.halopsa.client-secret = "
                    + (SandboxOptions.DEFAULT_CLIENT_SECRET.equals(sandbox.clientSecret())
                            ? sandbox.clientSecret() : "(the one given with --client-secret)"));
        out.println(sandbox.isOnPremise() ? "  camel.component.halopsa.on-premise = true"
                : "  camel.component.halopsa.tenant = " + sandbox.tenant());
        out.println("  rate limit " + options.requestBudget() + " requests per " + options.budgetWindow().toSeconds()
                    + " s; " + (options.demoData() ? "demo data loaded" : "no demo data")
                    + (options.newTicketEvery() == null ? "" : "; a new ticket every "
                                                                + options.newTicketEvery().toSeconds() + " s")
                    + (options.assetAssignmentEvery() == null ? "" : "; a stock asset handed over every "
                                                                       + options.assetAssignmentEvery().toSeconds() + " s"));
        out.println("Press Ctrl-C to stop.");
    }

    static SandboxOptions parse(String[] args) {
        SandboxOptions options = SandboxOptions.defaults();
        int budget = options.requestBudget();
        Duration window = options.budgetWindow();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> options.port(integer(arg, value(args, ++i, arg)));
                case "--client-id" -> options.clientId(value(args, ++i, arg));
                case "--client-secret" -> options.clientSecret(value(args, ++i, arg));
                case "--tenant" -> options.tenant(value(args, ++i, arg));
                case "--on-premise" -> options.onPremise();
                case "--scopes" -> options.grantedScopes(value(args, ++i, arg));
                case "--budget" -> budget = integer(arg, value(args, ++i, arg));
                case "--budget-window" -> window = duration(arg, value(args, ++i, arg));
                case "--tickets-every" -> options.newTicketEvery(duration(arg, value(args, ++i, arg)));
                case "--assets-every" -> options.assetAssignmentEvery(duration(arg, value(args, ++i, arg)));
                case "--ticket-changes-every" -> options.ticketChangeEvery(duration(arg, value(args, ++i, arg)));
                case "--customer-replies-every" -> options.customerReplyEvery(duration(arg, value(args, ++i, arg)));
                case "--ignore-date-filters" -> options.ignoreDateFilters(true);
                case "--no-demo-data" -> options.demoData(false);
                case "--no-spec-check" -> options.specCheck(false);
                case "--auth-path" -> options.authServerPath(value(args, ++i, arg));
                case "--tickets-ignore-order" -> options.ticketsIgnoreOrder(true);
                case "--help", "-h" -> throw new IllegalArgumentException("HaloPSA sandbox");
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return options.requestBudget(budget, window);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    /** 30s, 5m, 1h, or ISO-8601 (PT30S). */
    static Duration duration(String option, String value) {
        String text = value.trim().toLowerCase();
        try {
            if (text.matches("\\d+(ms|s|m|h)")) {
                long amount = Long.parseLong(text.replaceAll("\\D", ""));
                return switch (text.replaceAll("\\d", "")) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(value.trim().toUpperCase());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a duration such as 30s, 5m or PT1M, not '" + value + "'");
        }
    }
}
