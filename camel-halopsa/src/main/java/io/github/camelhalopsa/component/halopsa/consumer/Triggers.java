package io.github.camelhalopsa.component.halopsa.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity.Trait;
import org.apache.camel.Processor;

/**
 * Chooses the trigger an endpoint's options ask for ({@code trigger}, the entity, {@code since}, {@code query.*}) and
 * makes its consumer, refusing what no trigger fires on with an error that says what would.
 */
public final class Triggers {

    public static final String NEW = "new";
    public static final String UPDATED = "updated";

    private Triggers() {
    }

    public static TriggerConsumer<?> consumer(HaloPsaEndpoint endpoint, Processor processor) {
        HaloPsaEntity entity = endpoint.getEntity();
        HaloPsaConfiguration configuration = endpoint.getConfiguration();
        String kind = kind(configuration.getTrigger());
        if (kind.equals(NEW) && !entity.has(Trait.NEW_RECORD_TRIGGER) || kind.equals(UPDATED)
                                                                          && !entity.has(Trait.CHANGE_TRIGGER)) {
            throw new IllegalArgumentException("halopsa:" + entity + (kind.equals(NEW) ? "" : "?trigger=" + kind)
                                               + " cannot start a route. Triggers: trigger=new on "
                                               + names(Trait.NEW_RECORD_TRIGGER) + "; trigger=updated on "
                                               + names(Trait.CHANGE_TRIGGER) + ". To read " + entity
                                               + " records on a schedule, send to halopsa:" + entity + " from a timer");
        }
        boolean byTime = kind.equals(UPDATED) || entity.has(Trait.KEYED_BY_TICKET);
        String title = title(entity, kind.equals(UPDATED));
        if (!byTime) {
            Map<String, String> filters = NewRecordFinder.filters(configuration.getQuery(), title);
            NewRecordStart start = NewRecordStart.parse(configuration.getSince(), entity.name());
            return new TriggerConsumer<>(endpoint, processor,
                    lists -> new NewRecordTrigger(entity, lists, filters, start,
                            endpoint.getComponent().getObjectMapper()),
                    filters);
        }
        Map<String, String> filters = ChangeTrigger.filters(configuration.getQuery(), title);
        Duration overlap = Duration.ofMillis(configuration.getChangeOverlap());
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("Invalid changeOverlap " + configuration.getChangeOverlap()
                                               + ": it must be 0 or more, for example changeOverlap=5m");
        }
        // made once here, so that a bad since fails when the route is created rather than at its first poll
        new ChangeTrigger(entity, kind.equals(UPDATED), null, filters, configuration.getSince(), overlap,
                endpoint.getComponent().getObjectMapper(), Clock.systemUTC());
        return new TriggerConsumer<>(endpoint, processor,
                lists -> new ChangeTrigger(entity, kind.equals(UPDATED), lists, filters, configuration.getSince(),
                        overlap, endpoint.getComponent().getObjectMapper(), Clock.systemUTC()),
                filters);
    }

    /** The trigger's name in logs and errors, for example "Updated ticket trigger". */
    static String title(HaloPsaEntity entity, boolean updates) {
        if (updates) {
            return "Updated " + entity + " trigger";
        }
        return entity == HaloPsaEntity.ticket ? "New Ticket Record trigger" : "New " + entity + " trigger";
    }

    private static String kind(String trigger) {
        String kind = trigger == null ? NEW : trigger.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals(NEW) && !kind.equals(UPDATED)) {
            throw new IllegalArgumentException("Invalid trigger '" + trigger + "': use new (each record created) or "
                                               + "updated (each change of a record)");
        }
        return kind;
    }

    private static String names(Trait trait) {
        return HaloPsaEntity.with(trait).stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
