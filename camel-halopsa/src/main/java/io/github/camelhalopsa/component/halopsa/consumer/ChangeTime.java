package io.github.camelhalopsa.component.halopsa.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A date-time as HaloPSA writes it in a record (a last-change time, an action's time) and reads it in a list filter.
 * <p>
 * Nothing recorded says whether Halo writes these with an offset, in which zone it reads a filter without one, or
 * how many fraction digits it keeps. So a time is compared as Halo wrote it (a time without an offset is read as if it
 * were UTC, consistently), and sent back in the style Halo used: with {@code Z} when Halo's own times carried an
 * offset, without one when they did not. The triggers never compare Halo's times with this machine's clock, so clocks
 * that disagree do not matter; the overlap covers a filter that is exclusive or a few seconds off.
 *
 * @param instant the time, read as UTC when Halo wrote no offset
 * @param zoned   whether Halo wrote an offset
 */
public record ChangeTime(Instant instant, boolean zoned) implements Comparable<ChangeTime> {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /**
     * Reads a time from a record's field.
     *
     * @return the time, or null when the value is missing or not an ISO-8601 date-time
     */
    public static ChangeTime parse(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return new ChangeTime(OffsetDateTime.parse(iso).toInstant(), true);
        } catch (DateTimeParseException notOffset) {
            try {
                return new ChangeTime(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC), false);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    /** A time read from a stored state, written by {@link #stored()}. */
    public static ChangeTime ofStored(String text) {
        boolean zoned = text.endsWith("Z");
        return new ChangeTime(Instant.parse(zoned ? text : text + "Z"), zoned);
    }

    /** The time as a state stores it: ISO-8601 in UTC, ending in Z only when Halo wrote an offset. */
    public String stored() {
        String utc = instant.toString();
        return zoned ? utc : utc.substring(0, utc.length() - 1);
    }

    /** The time as a list filter is sent: milliseconds, in Halo's own style. */
    public String asFilter() {
        return LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + (zoned ? "Z" : "");
    }

    public ChangeTime minus(Duration duration) {
        return new ChangeTime(instant.minus(duration), zoned);
    }

    public boolean isBefore(ChangeTime other) {
        return instant.isBefore(other.instant);
    }

    /** The later of two times, either possibly null. */
    public static ChangeTime latest(ChangeTime a, ChangeTime b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.instant.isAfter(a.instant) ? a : b;
    }

    @Override
    public int compareTo(ChangeTime other) {
        return instant.compareTo(other.instant);
    }

    @Override
    public String toString() {
        return stored();
    }
}
