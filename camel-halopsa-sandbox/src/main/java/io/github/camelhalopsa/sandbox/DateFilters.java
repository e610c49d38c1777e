package io.github.camelhalopsa.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The date windows of Halo's lists, both ends inclusive:
 * <ul>
 * <li>{@code lastupdatefromdate} / {@code lastupdatetodate} on the lists whose records carry a last-change time
 * ({@link SandboxCollection#lastChangeField()}: Tickets, Opportunities, Projects, Client, Site, Asset, Users);</li>
 * <li>{@code startdate} / {@code enddate} on Actions (against {@code datetime}) and on Tickets, Opportunities and
 * Projects (against {@code dateoccurred}), or against the field {@code datesearch} names. Halo's document spells the
 * ticket example {@code dateoccured}; the sandbox reads that as the field {@code dateoccurred}.</li>
 * </ul>
 * A record without the field is outside any window. With {@code ignoreDateFilters} the sandbox applies none of them, as
 * a Halo that ignores them would.
 */
final class DateFilters {

    private static final String FROM = "lastupdatefromdate";
    private static final String TO = "lastupdatetodate";
    private static final String START = "startdate";
    private static final String END = "enddate";

    private DateFilters() {
    }

    /** Whether the query asks for an action window, so that an action list without a ticket spans all tickets. */
    static boolean asksForActionWindow(Map<String, List<String>> query) {
        return Responses.first(query, START) != null || Responses.first(query, END) != null;
    }

    /** @throws SandboxRejection (400) for a bound that is not a date-time, naming the parameter */
    static Predicate<Map<String, Object>> of(SandboxCollection collection, Map<String, List<String>> query,
                                             SandboxOptions options) {
        List<Predicate<Map<String, Object>>> windows = new ArrayList<>();
        if (options.ignoreDateFilters()) {
            return record -> true;
        }
        String lastChange = collection.lastChangeField();
        if (lastChange != null) {
            windows.add(window(lastChange, bound(query, FROM), bound(query, TO)));
        }
        String searched = searchedField(collection, query);
        if (searched != null) {
            windows.add(window(searched, bound(query, START), bound(query, END)));
        }
        return windows.stream().reduce(record -> true, Predicate::and);
    }

    private static String searchedField(SandboxCollection collection, Map<String, List<String>> query) {
        String named = Responses.first(query, "datesearch");
        String field = named == null || named.isBlank() ? null : named.trim();
        if ("dateoccured".equalsIgnoreCase(field)) {
            field = "dateoccurred";
        }
        return switch (collection) {
            case action -> field == null ? "datetime" : field;
            case ticket, opportunity, project -> field == null ? "dateoccurred" : field;
            default -> null;
        };
    }

    private static Predicate<Map<String, Object>> window(String field, Instant from, Instant to) {
        if (from == null && to == null) {
            return record -> true;
        }
        return record -> {
            Object value = record.get(field);
            Instant at = HaloTimes.looksLikeDateTime(value) ? HaloTimes.parseOrNull((String) value) : null;
            return at != null && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
        };
    }

    private static Instant bound(Map<String, List<String>> query, String parameter) {
        String text = Responses.first(query, parameter);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HaloTimes.parse(text);
        } catch (IllegalArgumentException e) {
            throw SandboxRejection.badRequest(parameter + ": " + e.getMessage());
        }
    }
}
