package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it: for the sandbox's {@code clock} option, and for tests of code that
 * decides by age (token lifetimes, cached definitions, rate windows).
 */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2025-03-10T09:00:00Z");

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
