package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.Locale;

import io.github.camelhalopsa.component.halopsa.records.RecordIds;

/**
 * Where the New Ticket Record consumer starts when its state repository holds nothing for it yet: the {@code since}
 * option.
 *
 * @param firstId the lowest ticket id to deliver, or null for {@code now}
 */
public record NewTicketStart(Long firstId) {

    public static final String NOW = "now";
    public static final String BEGINNING = "beginning";

    public static NewTicketStart parse(String since) {
        String value = since == null ? NOW : since.trim().toLowerCase(Locale.ROOT);
        if (value.equals(NOW)) {
            return new NewTicketStart(null);
        }
        if (value.equals(BEGINNING)) {
            return new NewTicketStart(1L);
        }
        Long firstId = RecordIds.parse(value);
        if (firstId != null && firstId > 0) {
            return new NewTicketStart(firstId);
        }
        throw new IllegalArgumentException("Invalid since '" + since + "': use now (tickets created from the first poll "
                                           + "on), beginning (every ticket), or a ticket id such as since=1200 (that "
                                           + "ticket and every later one)");
    }

    public boolean isNow() {
        return firstId == null;
    }

    /** The state to start from, for every value but now, whose state depends on what HaloPSA shows. */
    public TicketWatermark state() {
        return TicketWatermark.after(firstId - 1);
    }
}
