package io.github.camelhalopsa.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events a sandbox webhook can name, as entries of a Webhook's {@code events} ({@code UnameNotification} in
 * Halo's document: {@code {"eventno": 3}} or {@code {"name": "New Ticket Logged"}}).
 * <p>
 * The ticket events' numbers and names are Halo's as the one public source gives them (redanthrax/halopsa-node,
 * {@code HaloPsaTrigger.node.ts}: 3 New Ticket Logged, 19 Ticket Updated by User, 39 Closed, 76 Ticket Status
 * Changed; it also names 1072 Ticket Deleted, which the sandbox does not fire). What fires which is the sandbox's
 * reading: a new ticket 3; any other write of a ticket, an action added included, 19; a write that moves the
 * status 76 as well, and 39 as well when the new status is the closed one. The client, site, asset and user events
 * are the sandbox's own invention (no source names them), numbered from 901 so that they collide with no number a
 * source gives. src-docs/sandbox.adoc tables which is which.
 */
public enum WebhookEvent {

    TICKET_LOGGED(3, "New Ticket Logged", SandboxCollection.ticket),
    TICKET_UPDATED(19, "Ticket Updated by User", SandboxCollection.ticket),
    TICKET_CLOSED(39, "Closed", SandboxCollection.ticket),
    TICKET_STATUS_CHANGED(76, "Ticket Status Changed", SandboxCollection.ticket),
    CLIENT_ADDED(901, "New Client Added", SandboxCollection.client),
    CLIENT_UPDATED(902, "Client Updated", SandboxCollection.client),
    SITE_ADDED(903, "New Site Added", SandboxCollection.site),
    SITE_UPDATED(904, "Site Updated", SandboxCollection.site),
    ASSET_ADDED(905, "New Asset Added", SandboxCollection.asset),
    ASSET_UPDATED(906, "Asset Updated", SandboxCollection.asset),
    USER_ADDED(907, "New User Added", SandboxCollection.user),
    USER_UPDATED(908, "User Updated", SandboxCollection.user);

    /** The key a payload carries a record under, per collection ({@code "ticket": {...}}). */
    private static final Map<SandboxCollection, String> OBJECT_KEYS = Map.of(SandboxCollection.ticket, "ticket",
            SandboxCollection.client, "client", SandboxCollection.site, "site", SandboxCollection.asset, "asset",
            SandboxCollection.user, "user");

    private final int eventNo;
    private final String haloName;
    private final SandboxCollection collection;

    WebhookEvent(int eventNo, String haloName, SandboxCollection collection) {
        this.eventNo = eventNo;
        this.haloName = haloName;
        this.collection = collection;
    }

    /** The {@code eventno} of the event entry that names this event. */
    public int eventNo() {
        return eventNo;
    }

    /**
     * The event's name, e.g. {@code New Ticket Logged}; payloads carry it in lower case, as the payload a real tenant
     * sent did ({@code "event": "ticket status changed"}, homotechsual/dotMARC).
     */
    public String haloName() {
        return haloName;
    }

    String payloadName() {
        return haloName.toLowerCase(Locale.ROOT);
    }

    String objectKey() {
        return OBJECT_KEYS.get(collection);
    }

    /** The events a logged write fires, in the order they are sent (none for a collection without events). */
    static List<WebhookEvent> of(SandboxData.Change change) {
        if (change.collection() == SandboxCollection.ticket) {
            if (change.created()) {
                return List.of(TICKET_LOGGED);
            }
            int status = SandboxData.intValue(change.record().get("status_id"));
            if (status == change.statusBefore()) {
                return List.of(TICKET_UPDATED);
            }
            return status == SandboxData.CLOSED_STATUS
                    ? List.of(TICKET_UPDATED, TICKET_STATUS_CHANGED, TICKET_CLOSED)
                    : List.of(TICKET_UPDATED, TICKET_STATUS_CHANGED);
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (WebhookEvent event : values()) {
            if (event.collection == change.collection() && event.haloName.startsWith("New ") == change.created()) {
                events.add(event);
            }
        }
        return events;
    }

    /** Whether an entry of a webhook's {@code events} names this event, by its number or else by its name. */
    boolean isNamedBy(Object entry) {
        if (!(entry instanceof Map<?, ?> map)) {
            return false;
        }
        int number = SandboxData.intValue(map.get("eventno"));
        if (number > 0) {
            return number == eventNo;
        }
        Object name = map.get("name");
        return name != null && haloName.equalsIgnoreCase(String.valueOf(name).trim());
    }
}
