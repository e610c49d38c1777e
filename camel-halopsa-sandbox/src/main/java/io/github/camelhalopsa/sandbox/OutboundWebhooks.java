package io.github.camelhalopsa.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Halo's outbound webhooks: on each change the sandbox logs, every active outbound webhook whose {@code events} name
 * the change is called, from one background thread in the order of the changes, never from the thread that made the
 * change, with the webhook's authentication and a short timeout. A failed call is not retried. Calls can be dropped
 * (every Nth) and repeated (K times each) on purpose, so that a receiver's safety net and coalescing can be tested.
 * <p>
 * Authentication ({@code authentication_type}; the numbers are the order of Halo's choices as a peer's webhook form
 * lists them, redanthrax/halopsa-node docs/webhooks.md): 0 none; 1 Basic, {@code basic_username} and
 * {@code basic_password}; 2 Bearer, {@code Authorization: Bearer <basic_password>}; 3 API key, the header named by
 * {@code authentication_header} with the value {@code basic_password}; 4 certificate, which the sandbox cannot
 * present, so it calls without credentials. Where Halo keeps a bearer token or an API key is not recorded: keeping
 * every secret in {@code basic_password} is the sandbox's reading.
 */
final class OutboundWebhooks implements SandboxData.ChangeListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhooks.class);

    static final int AUTH_NONE = 0;
    static final int AUTH_BASIC = 1;
    static final int AUTH_BEARER = 2;
    static final int AUTH_API_KEY = 3;

    /** The payload's timestamp as Halo's recorded one was written: seven fraction digits and a Z. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Halo's {@code method} numbers, in the order of its form (redanthrax docs/webhooks.md). */
    private static final List<String> METHODS = List.of("POST", "GET", "PUT", "DELETE", "PATCH");

    private final SandboxData data;
    private final SandboxOptions options;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "halo-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    OutboundWebhooks(SandboxData data, SandboxOptions options) {
        this.data = data;
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.webhookTimeout()).build();
    }

    @Override
    public void changed(SandboxData.Change change) {
        for (WebhookEvent event : WebhookEvent.of(change)) {
            try {
                sender.execute(() -> deliver(event, change));
            } catch (RejectedExecutionException stopped) {
                // the sandbox is stopping: Halo would not call either
                return;
            }
        }
    }

    WebhookCalls counts() {
        return new WebhookCalls(sent.get(), dropped.get(), failed.get());
    }

    void resetCounts() {
        calls.set(0);
        sent.set(0);
        dropped.set(0);
        failed.set(0);
    }

    private void deliver(WebhookEvent event, SandboxData.Change change) {
        for (Map<String, Object> webhook : data.list(SandboxCollection.webhook)) {
            if (!isActiveOutbound(webhook) || !names(webhook, event)) {
                continue;
            }
            int dropEvery = options.dropEveryNthWebhookCall();
            if (dropEvery > 0 && calls.incrementAndGet() % dropEvery == 0) {
                dropped.incrementAndGet();
                continue;
            }
            String body = payload(event, webhook, change);
            for (int i = 0; i < options.repeatWebhookCalls(); i++) {
                send(webhook, body);
            }
        }
    }

    private static boolean isActiveOutbound(Map<String, Object> webhook) {
        return !Boolean.FALSE.equals(webhook.get("active")) && !Boolean.TRUE.equals(webhook.get("disabled"))
               && SandboxData.intValue(webhook.get("type")) == 0;
    }

    private static boolean names(Map<String, Object> webhook, WebhookEvent event) {
        return webhook.get("events") instanceof List<?> entries && entries.stream().anyMatch(event::isNamedBy);
    }

    /**
     * Halo's payload as one real tenant sent it (homotechsual/dotMARC, HaloWebhookEndpointTests, "seen on a live
     * tenant"): a delivery GUID, the webhook, notification and message ids, the event's name, a message, the
     * object's id, the agent, a timestamp, and the object itself under its name. For a ticket changed by an action,
     * the action comes beside the ticket.
     */
    private String payload(WebhookEvent event, Map<String, Object> webhook, SandboxData.Change change) {
        Map<String, Object> record = change.record();
        Object objectId = record.get("id");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", UUID.randomUUID().toString());
        payload.put("webhook_id", webhook.get("id"));
        payload.put("notification_id", event.eventNo());
        payload.put("escmsg_id", UUID.randomUUID().toString());
        payload.put("event", event.payloadName());
        payload.put("message", message(event, objectId));
        payload.put("object_id", objectId);
        boolean ticket = event.objectKey().equals("ticket");
        if (ticket && record.get("agent_id") != null) {
            payload.put("agent_id", record.get("agent_id"));
        }
        payload.put("timestamp", TIMESTAMP.format(Instant.now(options.clock())));
        payload.put(event.objectKey(), record);
        if (change.action() != null) {
            payload.put("action", change.action());
        }
        try {
            return Responses.JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record the sandbox stored is not JSON: " + e.getMessage(), e);
        }
    }

    private static String message(WebhookEvent event, Object objectId) {
        boolean ticket = event.objectKey().equals("ticket");
        String id = ticket ? String.format("Ticket ID: %07d", SandboxData.intValue(objectId))
                : event.objectKey() + " " + objectId;
        return event.haloName() + " for " + id + ".";
    }

    private void send(Map<String, Object> webhook, String body) {
        String url = String.valueOf(webhook.getOrDefault("url", "")).trim();
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            failed.incrementAndGet();
            LOG.warn("[sandbox] webhook '{}' has no usable url ('{}'): {}", webhook.get("name"), url, e.getMessage());
            return;
        }
        String method = METHODS.get(Math.min(Math.max(SandboxData.intValue(webhook.get("method")), 0),
                METHODS.size() - 1));
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(options.webhookTimeout())
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            Object type = webhook.get("content_type");
            request.header("Content-Type", type == null || String.valueOf(type).isBlank()
                    ? "application/json" : String.valueOf(type));
        }
        try {
            authenticate(webhook, request);
        } catch (IllegalArgumentException e) {
            // e.g. an authentication_header that is no legal header name; the message names the header, not the secret
            failed.incrementAndGet();
            LOG.warn("[sandbox] webhook '{}' cannot be called: {}", webhook.get("name"), e.getMessage());
            return;
        }
        sent.incrementAndGet();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                failed.incrementAndGet();
            }
            LOG.debug("[sandbox] webhook '{}' {} {} answered {}", webhook.get("name"), method, uri,
                    response.statusCode());
        } catch (InterruptedException e) {
            failed.incrementAndGet();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            failed.incrementAndGet();
            LOG.debug("[sandbox] webhook '{}' {} {} failed: {}", webhook.get("name"), method, uri, e.toString());
        }
    }

    private static void authenticate(Map<String, Object> webhook, HttpRequest.Builder request) {
        String secret = webhook.get("basic_password") == null ? "" : String.valueOf(webhook.get("basic_password"));
        switch (SandboxData.intValue(webhook.get("authentication_type"))) {
            case AUTH_BASIC -> {
                String user = webhook.get("basic_username") == null ? "" : String.valueOf(webhook.get("basic_username"));
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            }
            case AUTH_BEARER -> request.header("Authorization", "Bearer " + secret);
            case AUTH_API_KEY -> {
                Object header = webhook.get("authentication_header");
                if (header != null && !String.valueOf(header).isBlank()) {
                    request.header(String.valueOf(header).trim(), secret);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        try {
            sender.awaitTermination(options.webhookTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
