package org.piiscanner.scanner.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for tests that stands still until it is set. Thread-safe. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code t}. */
    public void set(Instant t) {
        now = t;
    }

    /** Moves the clock to the ISO-8601 instant {@code iso}, e.g. {@code 2026-11-21T12:00:00Z}. */
    public void set(String iso) {
        now = Instant.parse(iso);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
