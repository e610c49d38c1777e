package io.github.camelhalopsa.component.halopsa.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or updates the trigger's webhook in HaloPSA, found by name: {@code GET /Webhook} (a bare array) lists the
 * outbound webhooks, {@code GET /Webhook/{id}} reads the one of that name with its events, and {@code POST /Webhook}
 * (an array of one Webhook record) saves it with its id, so that every restart and every replica updates one webhook.
 * The events it already has keep their ids, so updating adds none twice. Nothing is ever deleted.
 * <p>
 * Two replicas starting for the first time at the same moment can both find none and create one each; the cluster
 * services of camel-halopsa-replicas start the trigger on one replica at a time, which avoids it.
 */
final class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);

    /** Halo's Webhook record: type 0 is an outbound webhook, method 0 is POST. */
    static final int OUTBOUND = 0;
    static final int POST = 0;
    /** authentication_type: 0 none, 1 Basic, 2 Bearer token (redanthrax/halopsa-node docs/webhooks.md). */
    static final int NO_AUTHENTICATION = 0;
    static final int BASIC = 1;
    static final int BEARER = 2;

    private final HaloPsaConnection connection;
    private final HaloJson json;

    WebhookRegistration(HaloPsaConnection connection, HaloJson json) {
        this.connection = connection;
        this.json = json;
    }

    /** Saves the webhook in Halo and returns its id (null if Halo's answer shows none). */
    String register(PushSettings.Registration registration) throws CamelException {
        Map<String, Object> existing = find(registration.name());
        Map<Integer, Object> eventIds = existing == null ? Map.of() : eventIds(existing.get("id"));
        Map<String, Object> webhook = record(registration, existing == null ? null : existing.get("id"), eventIds);
        HaloRequest post = new HaloRequest("POST", "/Webhook", Map.of(), json.write(List.of(webhook)));
        HaloHttpResponse response = connection.send(post);
        Object id = existing != null ? existing.get("id") : null;
        if (response.hasBody()) {
            Object answer = json.answer(post, response);
            Object saved = answer instanceof List<?> list && list.size() == 1 ? list.get(0) : answer;
            if (saved instanceof Map<?, ?> map && map.get("id") != null) {
                id = map.get("id");
            }
        }
        LOG.info("{} the HaloPSA {} (id {})", existing == null ? "Created" : "Updated", registration, id);
        return id == null ? null : id.toString();
    }

    /** The outbound webhook of this name, or null. */
    private Map<String, Object> find(String name) throws CamelException {
        HaloRequest list = HaloRequest.get("/Webhook", Map.of("type", String.valueOf(OUTBOUND)));
        HaloHttpResponse response = connection.send(list);
        Object answer = json.answer(list, response);
        if (!(answer instanceof List<?> webhooks)) {
            throw HaloJson.unexpected(list, response, "a list of webhooks that is not a JSON array", null);
        }
        List<Map<String, Object>> named = new ArrayList<>();
        for (Object webhook : webhooks) {
            if (webhook instanceof Map<?, ?> map && name.equals(map.get("name")) && map.get("id") != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) map;
                named.add(record);
            }
        }
        if (named.size() > 1) {
            LOG.warn("HaloPSA has {} webhooks named '{}': updating the first (id {}); the others are left as they are",
                    named.size(), name, named.get(0).get("id"));
        }
        return named.isEmpty() ? null : named.get(0);
    }

    /** The ids of the webhook's events by event number, so that saving it again keeps them rather than adding more. */
    private Map<Integer, Object> eventIds(Object webhookId) throws CamelException {
        HaloRequest get = HaloRequest.get("/Webhook/" + webhookId, Map.of("includedetails", "true"));
        Map<String, Object> webhook = json.recordAnswer(get, connection.send(get));
        Map<Integer, Object> ids = new HashMap<>();
        if (webhook.get("events") instanceof List<?> events) {
            for (Object event : events) {
                if (event instanceof Map<?, ?> map && map.get("eventno") instanceof Number number && map.get("id") != null) {
                    ids.putIfAbsent(number.intValue(), map.get("id"));
                }
            }
        }
        return ids;
    }

    static Map<String, Object> record(PushSettings.Registration registration, Object id, Map<Integer, Object> eventIds) {
        Map<String, Object> webhook = new LinkedHashMap<>();
        if (id != null) {
            webhook.put("id", id);
        }
        webhook.put("name", registration.name());
        webhook.put("type", OUTBOUND);
        webhook.put("url", registration.url());
        webhook.put("method", POST);
        webhook.put("content_type", "application/json");
        webhook.put("active", true);
        if (registration.username() != null) {
            webhook.put("authentication_type", BASIC);
            webhook.put("basic_username", registration.username());
            webhook.put("basic_password", registration.password());
        } else if (registration.token() != null) {
            webhook.put("authentication_type", BEARER);
            webhook.put("authentication_header", "Bearer " + registration.token());
        } else {
            webhook.put("authentication_type", NO_AUTHENTICATION);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (TriggerEvents.HaloEvent event : registration.events()) {
            Map<String, Object> notification = new LinkedHashMap<>();
            Object eventId = eventIds.get(event.number());
            if (eventId != null) {
                notification.put("id", eventId);
            }
            if (id != null) {
                notification.put("webhook_id", id);
            }
            notification.put("eventno", event.number());
            if (event.name() != null) {
                notification.put("name", event.name());
            }
            events.add(notification);
        }
        webhook.put("events", events);
        return webhook;
    }
}
