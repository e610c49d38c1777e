package io.github.camelhalopsa.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The events a sandbox webhook can name, as entries of a Webhook's {@code events} ({@code UnameNotification} in
 * Halo's document: {@code {"eventno": 1}} or {@code {"name": "New Ticket Logged"}}).
 * <p>
 * The numbers are the sandbox's own: Halo's event numbers are not published anywhere the project could read, and its
 * guides name events only in prose ("New Ticket Logged", "Ticket Reassigned": Halo's webhook guide, kbid 838), so a
 * client should look them up on a real tenant. src-docs/sandbox.adoc tables this as a guess.
 */
public enum WebhookEvent {

    TICKET_LOGGED(1, "New Ticket Logged", SandboxCollection.ticket, true),
    TICKET_UPDATED(2, "Ticket Updated", SandboxCollection.ticket, false),
    ACTION_ADDED(3, "Action Added", SandboxCollection.action, true),
    CLIENT_ADDED(4, "New Client Added", SandboxCollection.client, true),
    CLIENT_UPDATED(5, "Client Updated", SandboxCollection.client, false),
    SITE_ADDED(6, "New Site Added", SandboxCollection.site, true),
    SITE_UPDATED(7, "Site Updated", SandboxCollection.site, false),
    ASSET_ADDED(8, "New Asset Added", SandboxCollection.asset, true),
    ASSET_UPDATED(9, "Asset Updated", SandboxCollection.asset, false),
    USER_ADDED(10, "New User Added", SandboxCollection.user, true),
    USER_UPDATED(11, "User Updated", SandboxCollection.user, false);

    /** The key a payload carries a record under, per collection ({@code "ticket": {...}}). */
    private static final Map<SandboxCollection, String> OBJECT_KEYS = Map.of(SandboxCollection.ticket, "ticket",
            SandboxCollection.action, "action", SandboxCollection.client, "client", SandboxCollection.site, "site",
            SandboxCollection.asset, "asset", SandboxCollection.user, "user");

    private final int eventNo;
    private final String haloName;
    private final SandboxCollection collection;
    private final boolean created;

    WebhookEvent(int eventNo, String haloName, SandboxCollection collection, boolean created) {
        this.eventNo = eventNo;
        this.haloName = haloName;
        this.collection = collection;
        this.created = created;
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

    /** The event a write of a record is, if any: a new or changed ticket, client, site, asset or user, a new action. */
    static Optional<WebhookEvent> of(SandboxCollection collection, boolean created) {
        for (WebhookEvent event : values()) {
            if (event.collection == collection && event.created == created) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
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
