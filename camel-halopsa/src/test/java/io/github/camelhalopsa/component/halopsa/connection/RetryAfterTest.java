package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSeconds() {
        assertThat(RetryAfter.parse("120", NOON)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOON)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 12:01:30 GMT", NOON)).isEqualTo(Duration.ofSeconds(90));
        // a date already past means: now
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 11:59:00 GMT", NOON)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null, NOON)).isNull();
        assertThat(RetryAfter.parse("", NOON)).isNull();
        assertThat(RetryAfter.parse("soon", NOON)).isNull();
        assertThat(RetryAfter.parse("-5", NOON)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", NOON)).isNull();
    }
}
