package io.github.camelhalopsa.examples;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;

/**
 * Picks the new tickets out of a list of the newest (HaloPSA's {@code order=id&orderdesc=true}): those above the
 * highest id seen so far. The first list only sets that mark, so that a route started against a real tenant does not
 * work through its history. Ticket ids grow with creation (API notes §6).
 * <p>
 * This is the stand-in for the component's New Ticket consumer: see {@code NewTicketPollerRoute}.
 */
public class NewTicketWatermark {

    private Long highest;

    /** The tickets newer than the mark, oldest first; the mark moves to the newest. */
    public synchronized List<Map<String, Object>> newTickets(@Body List<Map<String, Object>> newestFirst) {
        long newest = newestFirst.stream().mapToLong(NewTicketWatermark::id).max().orElse(0);
        if (highest == null) {
            highest = newest;
            return List.of();
        }
        long mark = highest;
        highest = Math.max(mark, newest);
        return newestFirst.stream().filter(ticket -> id(ticket) > mark)
                .sorted(Comparator.comparingLong(NewTicketWatermark::id)).toList();
    }

    private static long id(Map<String, Object> ticket) {
        Object id = ticket.get("id");
        return id instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(id));
    }
}
