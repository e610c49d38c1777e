package io.github.camelhalopsa.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Variable;

/**
 * What a run of the examples did, told as it happens (one line per ticket, asset, contract and reopened ticket
 * handled) and summed up at the end; it also ends the run after {@code examples.max-tickets} tickets or
 * {@code examples.max-seconds}.
 */
public class ExampleRun {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final int maxTickets;
    private final Duration maxTime;
    private final Runnable finish;
    private final long startedAt = System.nanoTime();
    private final Map<String, Integer> ticketsByCategory = new TreeMap<>();
    private ScheduledExecutorService timer;
    private int tickets;
    private int assets;
    private int clients;
    private int onboardingTickets;
    private int reopened;
    private int failures;
    private int wokenByWebhook;
    private int fromScheduledPoll;
    private boolean push;

    /**
     * @param maxTickets end the run after this many triaged tickets; 0 for no limit
     * @param maxTime    end the run after this long
     * @param finish     ends the run (Camel Main's {@code completed()})
     */
    public ExampleRun(PrintStream out, int maxTickets, Duration maxTime, Runnable finish) {
        this.out = out;
        this.maxTickets = maxTickets;
        this.maxTime = maxTime;
        this.finish = finish;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "examples-time-limit");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(finish, maxTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The triggers are woken by HaloPSA's webhooks: the summary counts what each poll brought. */
    synchronized void pushOn() {
        this.push = true;
    }

    public void ticketTriaged(@Variable("ticket") Map<String, Object> ticket, @Variable("triage") Triage triage) {
        boolean enough;
        synchronized (this) {
            countWakeUp();
            tickets++;
            ticketsByCategory.merge(triage.getCategory(), 1, Integer::sum);
            enough = maxTickets > 0 && tickets >= maxTickets;
        }
        say("ticket #" + ticket.get("id") + " \"" + ticket.get("summary") + "\" from " + who(ticket) + " -> "
            + triage.getCategory() + ", team " + triage.getTeam()
            + (triage.getKeyword() == null ? " (no keyword matched)" : " ('" + triage.getKeyword() + "')")
            + "; acknowledgement sent");
        if (enough) {
            finish.run();
        }
    }

    public void assetHandedOver(@Variable("asset") Map<String, Object> asset, @Variable("client") Map<String, Object> client,
                                @Variable("item") Map<String, Object> item) {
        synchronized (this) {
            assets++;
        }
        StringBuilder line = new StringBuilder("asset ").append(asset.get("inventory_number")).append(" handed to ")
                .append(client.get("name")).append(" -> ");
        line.append(client.get("main_site_name") != null ? "site " + client.get("main_site_name") : "site unchanged");
        if (item != null) {
            Object inStock = item.get("quantity_in_stock");
            line.append("; ").append(item.get("name")).append(" in stock: ").append(number(inStock)).append(" -> ")
                    .append(inStock instanceof Number n ? number(Math.max(0, n.doubleValue() - 1)) : "?");
        }
        say(line.toString());
    }

    public void clientOnboarded(@Variable("client") Map<String, Object> client, @Variable("site") Map<String, Object> site,
                                @Variable("contract") Map<String, Object> contract,
                                @Body List<Map<String, Object>> openedTickets) {
        synchronized (this) {
            clients++;
            onboardingTickets += openedTickets.size();
        }
        List<Object> ids = openedTickets.stream().map(t -> t.get("id")).toList();
        say("contract " + contract.get("ref") + " signed by " + client.get("name") + " -> client #" + client.get("id")
            + ", site #" + site.get("id") + ", contract #" + contract.get("id") + ", " + ids.size()
            + " onboarding tickets " + ids);
    }

    public void ticketReopened(@Variable("ticket") Map<String, Object> ticket, @Variable("reply") Map<String, Object> reply) {
        synchronized (this) {
            countWakeUp();
            reopened++;
        }
        say("ticket #" + ticket.get("id") + " reopened: " + CustomerReplies.customer(ticket, reply) + " replied \""
            + reply.get("note") + "\" -> agent notified");
    }

    /**
     * Counts whether the exchange came from a poll that a webhook call woke or from the scheduled one: the component
     * runs the woken polls on a thread of their own, named HaloPsaWakeUp (its push package), and the routes are
     * synchronous, so the route's bean runs on the poll's thread.
     */
    private void countWakeUp() {
        if (!push) {
            return;
        }
        if (Thread.currentThread().getName().contains("HaloPsaWakeUp")) {
            wokenByWebhook++;
        } else {
            fromScheduledPoll++;
        }
    }

    /** A remark of a workflow, such as which client's assets the asset workflow watches. */
    public void note(@Body String text) {
        say(text);
    }

    public void failed(Exchange exchange) {
        synchronized (this) {
            failures++;
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<?, ?> ticket = exchange.getVariable("ticket", Map.class);
        say("FAILED in " + exchange.getFromRouteId() + (ticket != null ? " (ticket #" + ticket.get("id") + ")" : "")
            + ": " + (cause == null ? "unknown error" : cause.getMessage()));
    }

    /** Prints the summary; the exit code is 1 after any failure, or when a sandbox run handled no ticket at all. */
    synchronized int summarise(String target, boolean sandbox) {
        long seconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
        out.println();
        out.println("Summary after " + seconds + " s against " + target + ":");
        out.println("  " + tickets + " new ticket(s) triaged and acknowledged" + (ticketsByCategory.isEmpty() ? ""
                : ": " + ticketsByCategory.toString().replaceAll("[{}]", "").replace("=", " ")));
        out.println("  " + assets + " stock asset(s) handed over and the inventory updated");
        out.println("  " + clients + " client(s) onboarded with " + onboardingTickets + " onboarding ticket(s)");
        out.println("  " + reopened + " closed ticket(s) reopened on a customer's reply, the agent notified");
        if (push) {
            out.println("  push: " + wokenByWebhook + " of " + (wokenByWebhook + fromScheduledPoll) + " ticket(s) and"
                        + " replies came from polls woken by a webhook call, " + fromScheduledPoll
                        + " from the scheduled poll");
        }
        out.println("  " + failures + " failure(s)");
        return failures > 0 || (sandbox && tickets == 0) ? 1 : 0;
    }

    synchronized int tickets() {
        return tickets;
    }

    synchronized int reopened() {
        return reopened;
    }

    private void say(String line) {
        synchronized (out) {
            out.println(LocalTime.now().format(TIME) + "  " + line);
        }
    }

    private static String who(Map<String, Object> ticket) {
        Object user = ticket.get("user_name");
        Object client = ticket.get("client_name");
        if (user == null) {
            return client == null ? "an unknown user" : String.valueOf(client);
        }
        return user + (client == null ? "" : ", " + client);
    }

    private static String number(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }
}
