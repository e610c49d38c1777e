package io.github.camelhalopsa.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The text of the date-times the sandbox writes, and the lenient reading of the ones it is given.
 * <p>
 * Written: UTC, always three fraction digits and a {@code Z} ({@code 2025-03-10T09:00:00.000Z}). Nobody has recorded
 * the text a real tenant writes into {@code last_update} and its kin; Halo's document types them
 * {@code format: date-time} (RFC 3339, so an offset), and the fixed width makes text order the same as time order,
 * which keeps {@code order=last_update} honest. Read: with or without a fraction, with {@code Z}, an offset or none
 * (then UTC), or a bare date (its midnight, UTC).
 */
final class HaloTimes {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** An offset whose '+' a form decoder turned into a space: {@code 10:00:00 01:00}. */
    private static final Pattern DECODED_PLUS = Pattern.compile("^(.*T[0-9:.]+) (\\d{2}:?\\d{2})$");
    private static final Pattern LOOKS_LIKE_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}([T ].*)?$");

    private HaloTimes() {
    }

    static String format(Instant instant) {
        return WRITTEN.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The next last-change time of a record: now, or one millisecond after its previous one when the clock has not
     * moved past it, so that every write of a record leaves a time of its own.
     */
    static Instant after(Instant now, Object previous) {
        Instant current = now.truncatedTo(ChronoUnit.MILLIS);
        Instant before = previous == null ? null : parseOrNull(String.valueOf(previous));
        return before != null && !current.isAfter(before) ? before.plusMillis(1) : current;
    }

    static boolean looksLikeDateTime(Object value) {
        return value instanceof String text && LOOKS_LIKE_DATE.matcher(text).matches();
    }

    /** The instant a date-time text names, or null when it names none. */
    static Instant parseOrNull(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @throws IllegalArgumentException naming the forms understood */
    static Instant parse(String text) {
        String value = text == null ? "" : text.trim();
        value = DECODED_PLUS.matcher(value).replaceFirst("$1+$2");
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    throw new IllegalArgumentException("'" + text + "' is not a date-time: use e.g. "
                                                       + "2025-03-10T09:00:00Z, 2025-03-10T09:00:00.250, "
                                                       + "2025-03-10T10:00:00+01:00 or 2025-03-10");
                }
            }
        }
    }
}
