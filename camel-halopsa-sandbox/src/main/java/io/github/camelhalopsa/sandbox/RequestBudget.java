package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Halo-hosted rate limiting: at most N API calls in any rolling window (Halo's is 300 per 5 minutes: "Rate Limit
 * Reached - 300 Requests per rolling 5 minute window", API notes §3). Refused calls do not use up the budget.
 */
final class RequestBudget {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> accepted = new ArrayDeque<>();

    RequestBudget(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(windowStart)) {
            accepted.removeFirst();
        }
        if (accepted.size() >= limit) {
            return false;
        }
        accepted.addLast(now);
        return true;
    }

    synchronized int used() {
        return accepted.size();
    }

    synchronized void reset() {
        accepted.clear();
    }

    /** Halo's message, with this budget's figures. */
    String message() {
        long minutes = window.toMinutes();
        String span = minutes > 0 && window.equals(Duration.ofMinutes(minutes))
                ? minutes + " minute" : window.toSeconds() + " second";
        return "Rate Limit Reached - " + limit + " Requests per rolling " + span + " window";
    }
}
