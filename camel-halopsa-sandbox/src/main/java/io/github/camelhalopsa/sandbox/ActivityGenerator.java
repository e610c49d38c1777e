package io.github.camelhalopsa.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Life in the sandbox: customers' users open tickets and reply to closed ones, technicians work on open tickets and
 * hand stock assets to customers, at set intervals. Writes go straight to {@link SandboxData}, as Halo's own UI would, so they use none of the API's rate
 * budget.
 */
final class ActivityGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityGenerator.class);

    /** What users write about; the words are the ones a triage route would look for. */
    private static final List<String[]> TICKETS = List.of(
            new String[] { "Printer on the first floor jams on every job", "It started after the toner was changed." },
            new String[] { "Cannot print to the reception printer", "Jobs sit in the queue and never come out." },
            new String[] { "VPN will not connect from home", "The client says the server did not respond." },
            new String[] { "Wi-Fi in the meeting room keeps dropping", "Laptops lose the network every few minutes." },
            new String[] { "Internet is very slow this morning", "Pages take a minute to load for everyone." },
            new String[] { "Locked out of my account", "Too many password attempts after the reset." },
            new String[] { "Need a password reset for a new starter", "She starts tomorrow and has no login yet." },
            new String[] { "MFA prompt on my new phone", "The authenticator app was on my old phone." },
            new String[] { "Laptop will not turn on", "No lights at all, charger is plugged in." },
            new String[] { "Second monitor shows no signal", "Swapped the cable, still nothing." },
            new String[] { "Keyboard keys sticking", "Several keys repeat when pressed." },
            new String[] { "Outlook keeps asking for my password", "Even after entering it correctly." },
            new String[] { "Shared mailbox missing from Outlook", "It disappeared after the update." },
            new String[] { "Emails to a supplier bounce back", "The bounce says the mailbox is unavailable." },
            new String[] { "Accounting software licence question", "Do we have a spare licence for a new user?" },
            new String[] { "Phone system voicemail not working", "Callers hear silence instead of the greeting." });

    /** What customers write back after a ticket was closed. */
    private static final List<String> REPLIES = List.of(
            "Sorry, this has started happening again since this morning.",
            "Thanks, but the problem is back after the restart.",
            "It worked for a day; now it is doing the same thing again.",
            "Could you have another look? A colleague has the same problem now.");

    /**
     * The outcome of a customer's e-mail reply. Not recorded: Halo names outcomes per tenant; "End-User Update" is the
     * sandbox's guess at the name of the built-in one (src-docs/sandbox.adoc).
     */
    static final String CUSTOMER_REPLY_OUTCOME = "End-User Update";

    /** Open statuses of the demo data a technician moves tickets between. */
    private static final List<Integer> WORKING_STATUSES = List.of(2, 3, 4);

    private final SandboxData data;
    private final SandboxOptions options;
    private final Random random;
    private ScheduledExecutorService executor;

    ActivityGenerator(SandboxData data, SandboxOptions options) {
        this.data = data;
        this.options = options;
        this.random = new Random(options.randomSeed());
    }

    void start() {
        if (options.newTicketEvery() == null && options.assetAssignmentEvery() == null
            && options.ticketChangeEvery() == null && options.customerReplyEvery() == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "halo-sandbox-activity");
            thread.setDaemon(true);
            return thread;
        });
        schedule(options.newTicketEvery(), this::openTicket);
        schedule(options.assetAssignmentEvery(), this::assignStockAsset);
        schedule(options.ticketChangeEvery(), this::changeTicket);
        schedule(options.customerReplyEvery(), this::customerReply);
    }

    private void schedule(Duration every, Runnable task) {
        if (every == null) {
            return;
        }
        executor.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("The sandbox's activity generator failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A customer's user opens a ticket; null when there are no users to open one. */
    synchronized Map<String, Object> openTicket() {
        List<Map<String, Object>> users = data.list(SandboxCollection.user).stream()
                .filter(user -> !Boolean.TRUE.equals(user.get("inactive"))).toList();
        if (users.isEmpty()) {
            return null;
        }
        Map<String, Object> user = users.get(random.nextInt(users.size()));
        String[] text = TICKETS.get(random.nextInt(TICKETS.size()));
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("summary", text[0]);
        ticket.put("details", text[1]);
        ticket.put("user_id", user.get("id"));
        ticket.put("tickettype_id", 1);
        ticket.put("priority_id", 2 + random.nextInt(3));
        Map<String, Object> saved = data.save(SandboxCollection.ticket, ticket);
        LOG.info("[sandbox] {} at {} opened ticket #{}: {}", user.get("name"), saved.get("client_name"),
                saved.get("id"), saved.get("summary"));
        return saved;
    }

    /** A technician hands a stock asset to a customer (changing only its client); empty when the stock is gone. */
    synchronized Optional<Map<String, Object>> assignStockAsset() {
        Optional<Object> stockClient = data.list(SandboxCollection.client).stream()
                .filter(client -> DemoData.STOCK_CLIENT.equals(client.get("name"))).map(client -> client.get("id"))
                .findFirst();
        if (stockClient.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> stock = data.list(SandboxCollection.asset).stream()
                .filter(asset -> SandboxData.intValue(asset.get("client_id")) == SandboxData.intValue(stockClient.get()))
                .toList();
        List<Map<String, Object>> customers = data.list(SandboxCollection.client).stream()
                .filter(client -> SandboxData.intValue(client.get("toplevel_id")) == DemoData.CUSTOMERS_TOP_LEVEL)
                .toList();
        if (stock.isEmpty() || customers.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> asset = stock.get(random.nextInt(stock.size()));
        Map<String, Object> customer = customers.get(random.nextInt(customers.size()));
        Map<String, Object> saved = data.save(SandboxCollection.asset,
                new LinkedHashMap<>(Map.of("id", asset.get("id"), "client_id", customer.get("id"))));
        LOG.info("[sandbox] a technician gave stock asset {} to {}", saved.get("inventory_number"), customer.get("name"));
        return Optional.of(saved);
    }

    /**
     * A technician works on an open ticket: moves its status, priority or agent (a field update), or adds a private
     * note. Either way the ticket's {@code last_update} moves. Empty when no ticket is open.
     */
    synchronized Optional<Map<String, Object>> changeTicket() {
        List<Map<String, Object>> open = data.list(SandboxCollection.ticket).stream()
                .filter(ticket -> !Boolean.TRUE.equals(ticket.get("deleted")))
                .filter(ticket -> SandboxData.intValue(ticket.get("status_id")) != SandboxData.CLOSED_STATUS).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> ticket = open.get(random.nextInt(open.size()));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("id", ticket.get("id"));
        String what;
        switch (random.nextInt(4)) {
            case 0 -> {
                change.put("status_id", WORKING_STATUSES.get(random.nextInt(WORKING_STATUSES.size())));
                what = "status " + change.get("status_id");
            }
            case 1 -> {
                change.put("priority_id", 1 + random.nextInt(4));
                what = "priority " + change.get("priority_id");
            }
            case 2 -> {
                List<Map<String, Object>> agents = data.list(SandboxCollection.agent).stream()
                        .filter(agent -> SandboxData.intValue(agent.get("id")) != ApiHandler.API_AGENT_ID).toList();
                if (agents.isEmpty()) {
                    return Optional.empty();
                }
                change.put("agent_id", agents.get(random.nextInt(agents.size())).get("id"));
                what = "agent " + change.get("agent_id");
            }
            default -> {
                Map<String, Object> note = new LinkedHashMap<>();
                note.put("ticket_id", ticket.get("id"));
                note.put("outcome", "Private Note");
                note.put("note", "Looked into it; more to follow.");
                note.put("hiddenfromuser", true);
                note.put("actionby_agent_id", ticket.getOrDefault("agent_id", ApiHandler.API_AGENT_ID));
                data.save(SandboxCollection.action, note);
                Map<String, Object> saved = data.get(SandboxCollection.ticket, ticket.get("id")).orElseThrow();
                LOG.info("[sandbox] a technician added a private note to ticket #{}", saved.get("id"));
                return Optional.of(saved);
            }
        }
        Map<String, Object> saved = data.save(SandboxCollection.ticket, change);
        LOG.info("[sandbox] a technician changed ticket #{}: {}", saved.get("id"), what);
        return Optional.of(saved);
    }

    /**
     * The user of a closed ticket replies by e-mail: a public action by that user ({@code actionby_user_id},
     * {@code emailfrom}, {@code who}) with the outcome {@link #CUSTOMER_REPLY_OUTCOME}. The ticket stays closed
     * (reopening is for a route to do); its {@code last_update} moves. Empty when no ticket is closed.
     */
    synchronized Optional<Map<String, Object>> customerReply() {
        List<Map<String, Object>> closed = data.list(SandboxCollection.ticket).stream()
                .filter(ticket -> !Boolean.TRUE.equals(ticket.get("deleted")))
                .filter(ticket -> SandboxData.intValue(ticket.get("status_id")) == SandboxData.CLOSED_STATUS)
                .filter(ticket -> SandboxData.intValue(ticket.get("user_id")) > 0).toList();
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> ticket = closed.get(random.nextInt(closed.size()));
        Optional<Map<String, Object>> user = data.get(SandboxCollection.user, ticket.get("user_id"));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ticket_id", ticket.get("id"));
        reply.put("outcome", CUSTOMER_REPLY_OUTCOME);
        reply.put("note", REPLIES.get(random.nextInt(REPLIES.size())));
        reply.put("hiddenfromuser", false);
        reply.put("actionby_user_id", ticket.get("user_id"));
        user.map(u -> u.get("name")).ifPresent(name -> reply.put("who", name));
        user.map(u -> u.get("emailaddress")).ifPresent(address -> reply.put("emailfrom", address));
        Map<String, Object> saved = data.save(SandboxCollection.action, reply);
        LOG.info("[sandbox] {} replied on closed ticket #{}: {}", saved.get("who"), saved.get("ticket_id"),
                saved.get("note"));
        return Optional.of(saved);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
