package io.github.camelhalopsa.component.halopsa.push;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;

/**
 * The HaloPSA events whose webhook calls wake each trigger: the one place that says which. A webhook's events are
 * Halo's notification events, each an {@code UnameNotification} with its {@code eventno}.
 * <p>
 * Source of the numbers: redanthrax/halopsa-node, {@code nodes/HaloPSA/HaloPsaTrigger.node.ts} (its event list: 3 New
 * Ticket Logged, 19 Ticket Updated by User, 39 Closed, 76 Ticket Status Changed, 1072 Ticket Deleted, and SLA
 * events); Halo's own guides name the events ("New Ticket Logged", "Ticket Reassigned") but not their numbers. None
 * is recorded from a tenant yet. Halo publishes no event for a client, site, asset or user change that a peer
 * names, so those triggers have no entry: {@code registerWebhook} on them needs {@code webhookEvents}. An edit that
 * fires none of a trigger's events is still delivered, by the scheduled poll.
 */
public final class TriggerEvents {

    /** One Halo notification event. */
    public record HaloEvent(int number, String name) {
        @Override
        public String toString() {
            return number + (name == null ? "" : " (" + name + ")");
        }
    }

    static final HaloEvent NEW_TICKET_LOGGED = new HaloEvent(3, "New Ticket Logged");
    static final HaloEvent TICKET_UPDATED_BY_USER = new HaloEvent(19, "Ticket Updated by User");
    static final HaloEvent CLOSED = new HaloEvent(39, "Closed");
    static final HaloEvent TICKET_STATUS_CHANGED = new HaloEvent(76, "Ticket Status Changed");

    /** The trigger kinds: "new" (the New Ticket Record trigger and its like) and "updated". */
    public static final String NEW = "new";
    public static final String UPDATED = "updated";

    private record Trigger(HaloPsaEntity entity, String kind) {
    }

    private static final Map<Trigger, List<HaloEvent>> TABLE = Map.of(
            new Trigger(HaloPsaEntity.ticket, NEW), List.of(NEW_TICKET_LOGGED),
            // an agent's edit that changes no status fires none of these: the safety-net poll delivers it
            new Trigger(HaloPsaEntity.ticket, UPDATED),
            List.of(TICKET_UPDATED_BY_USER, TICKET_STATUS_CHANGED, CLOSED),
            // a user's reply is an action, and so usually are a status change and a closure; agents' notes fire none
            new Trigger(HaloPsaEntity.action, NEW), List.of(TICKET_UPDATED_BY_USER, TICKET_STATUS_CHANGED, CLOSED));

    private TriggerEvents() {
    }

    /** The events the trigger needs, or an empty list where the component knows none. */
    public static List<HaloEvent> of(HaloPsaEntity entity, String kind) {
        return TABLE.getOrDefault(new Trigger(entity, kind), List.of());
    }

    /** The webhookEvents option's numbers, checked. */
    static List<HaloEvent> parse(String webhookEvents) {
        List<HaloEvent> events = new java.util.ArrayList<>();
        for (String part : webhookEvents.split(",")) {
            String text = part.trim();
            int number;
            try {
                number = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number <= 0) {
                throw new IllegalArgumentException("Invalid webhookEvents '" + webhookEvents + "': '" + text + "' is not "
                                                   + "a HaloPSA event number (a positive whole number, such as 3 for New "
                                                   + "Ticket Logged); separate several with commas");
            }
            events.add(known(number));
        }
        return List.copyOf(events);
    }

    private static HaloEvent known(int number) {
        for (HaloEvent event : List.of(NEW_TICKET_LOGGED, TICKET_UPDATED_BY_USER, CLOSED, TICKET_STATUS_CHANGED)) {
            if (event.number() == number) {
                return event;
            }
        }
        return new HaloEvent(number, null);
    }
}
