package io.github.camelhalopsa.component.halopsa.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity.Trait;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import io.github.camelhalopsa.component.halopsa.records.QueryParameters;
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

    /**
     * Checks the trigger options when the endpoint is created: the trigger kind always, since and changeOverlap where
     * the endpoint's entity has that trigger. The query.* filters are checked when a consumer is made, since a
     * producer on the same endpoint may use any of them.
     */
    public static void validate(HaloPsaEndpoint endpoint) {
        HaloPsaEntity entity = endpoint.getEntity();
        String kind = kind(endpoint.getConfiguration().getTrigger());
        if (kind.equals(UPDATED) && !entity.has(Trait.CHANGE_TRIGGER)) {
            throw cannotStart(entity, kind);
        }
        if (entity.has(kind.equals(NEW) ? Trait.NEW_RECORD_TRIGGER : Trait.CHANGE_TRIGGER)) {
            checkStart(endpoint.getConfiguration(), entity, kind.equals(UPDATED));
        }
    }

    /** since as the trigger reads it, and for the triggers by time the overlap. */
    private static void checkStart(HaloPsaConfiguration configuration, HaloPsaEntity entity, boolean updates) {
        if (!byTime(entity, updates)) {
            NewRecordStart.parse(configuration.getSince(), entity.name());
            return;
        }
        ChangeTrigger.checkSince(configuration.getSince(), title(entity, updates), updates);
        if (configuration.getChangeOverlap() < 0) {
            throw new IllegalArgumentException("Invalid changeOverlap " + configuration.getChangeOverlap()
                                               + ": it must be 0 or more, for example changeOverlap=5m");
        }
    }

    /** Changes are read by time, and so are actions, whose ids Halo numbers per ticket. */
    private static boolean byTime(HaloPsaEntity entity, boolean updates) {
        return updates || entity.has(Trait.KEYED_BY_TICKET);
    }

    public static TriggerConsumer<?> consumer(HaloPsaEndpoint endpoint, Processor processor) {
        HaloPsaEntity entity = endpoint.getEntity();
        String kind = kind(endpoint.getConfiguration().getTrigger());
        if (!entity.has(kind.equals(NEW) ? Trait.NEW_RECORD_TRIGGER : Trait.CHANGE_TRIGGER)) {
            throw cannotStart(entity, kind);
        }
        return factory(endpoint, entity, kind).consumer(endpoint, processor);
    }

    private static IllegalArgumentException cannotStart(HaloPsaEntity entity, String kind) {
        return new IllegalArgumentException("halopsa:" + entity + (kind.equals(NEW) ? "" : "?trigger=" + kind)
                                            + " cannot start a route. Triggers: trigger=new on "
                                            + names(Trait.NEW_RECORD_TRIGGER) + "; trigger=updated on "
                                            + names(Trait.CHANGE_TRIGGER) + ". To read " + entity
                                            + " records on a schedule, send to halopsa:" + entity + " from a timer");
    }

    /** What a consumer is made of, checked: its filters and the trigger it makes once it has lists to read. */
    private record Factory<S extends TriggerState>(Map<String, String> filters,
            Function<ListFetcher, Trigger<S>> triggers) {
        TriggerConsumer<S> consumer(HaloPsaEndpoint endpoint, Processor processor) {
            return new TriggerConsumer<>(endpoint, processor, triggers, filters);
        }
    }

    private static Factory<?> factory(HaloPsaEndpoint endpoint, HaloPsaEntity entity, String kind) {
        HaloPsaConfiguration configuration = endpoint.getConfiguration();
        boolean updates = kind.equals(UPDATED);
        String title = title(entity, updates);
        ObjectMapper mapper = endpoint.getComponent().getObjectMapper();
        if (!byTime(entity, updates)) {
            Map<String, String> filters = NewRecordFinder.filters(configuration.getQuery(), title);
            NewRecordStart start = NewRecordStart.parse(configuration.getSince(), entity.name());
            return new Factory<>(filters, lists -> new NewRecordTrigger(entity, lists, filters, start, mapper));
        }
        checkStart(configuration, entity, updates);
        Map<String, String> filters = ChangeTrigger.filters(configuration.getQuery(), title);
        Duration overlap = Duration.ofMillis(configuration.getChangeOverlap());
        String since = configuration.getSince();
        return new Factory<>(filters,
                lists -> new ChangeTrigger(entity, updates, lists, filters, since, overlap, mapper, Clock.systemUTC()));
    }

    /** The trigger's name in logs and errors, for example "Updated ticket trigger". */
    static String title(HaloPsaEntity entity, boolean updates) {
        if (updates) {
            return "Updated " + entity + " trigger";
        }
        return entity == HaloPsaEntity.ticket ? "New Ticket Record trigger" : "New " + entity + " trigger";
    }

    /**
     * The endpoint's query.* options as a trigger sends them, refusing the parameters it sets itself.
     *
     * @param why what the trigger does with the reserved parameters, for the error
     */
    static Map<String, String> filters(Map<String, Object> queryOptions, Set<String> reserved, String title, String why) {
        Map<String, String> filters = QueryParameters.merge(queryOptions, null);
        for (String name : filters.keySet()) {
            if (reserved.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("query." + name + " cannot be used on the " + title + ": " + why);
            }
        }
        return filters;
    }

    /** The trigger kind the trigger option names: new (the default) or updated. */
    public static String kind(String trigger) {
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
