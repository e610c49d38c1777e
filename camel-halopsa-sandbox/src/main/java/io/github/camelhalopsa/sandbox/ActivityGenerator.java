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
 * Life in the sandbox: customers' users open tickets, and technicians hand stock assets to customers, at set
 * intervals. Writes go straight to {@link SandboxData}, as Halo's own UI would, so they use none of the API's rate
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
        if (options.newTicketEvery() == null && options.assetAssignmentEvery() == null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "halo-sandbox-activity");
            thread.setDaemon(true);
            return thread;
        });
        schedule(options.newTicketEvery(), this::openTicket);
        schedule(options.assetAssignmentEvery(), this::assignStockAsset);
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

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
