package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the Retry-After header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date. No source shows Halo sending
 * it (project API notes §3), but a gateway in front of Halo may, and then it knows better than any backoff.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the header asks for, or null when there is no header or it cannot be read. */
    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
