package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;

/**
 * The optional proactive limiter of a connection (option {@code rateLimit}): at most {@code requests} calls leave in
 * any rolling {@code period}, the way Halo-hosted instances count them, so the connection stays under the budget
 * and 429s do not happen at all. Replaced by the option {@code requestLimiter} when that is set. It remembers when each of the last {@code requests} calls left; a call that would
 * exceed the budget waits until the oldest of them has left the window.
 */
final class RollingWindowLimiter implements HaloPsaRequestLimiter {

    private static final RollingWindowLimiter UNLIMITED = new RollingWindowLimiter(0, Duration.ZERO);

    private final int requests;
    private final long periodNanos;
    private final long[] sentAt;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition windowMoves = lock.newCondition();
    private int next;
    private int count;

    private RollingWindowLimiter(int requests, Duration period) {
        this.requests = requests;
        this.periodNanos = period.toNanos();
        this.sentAt = new long[requests];
    }

    /** A budget of {@code requests} per {@code period}; unlimited when {@code requests} is 0. */
    static RollingWindowLimiter of(int requests, Duration period) {
        return requests <= 0 ? UNLIMITED : new RollingWindowLimiter(requests, period);
    }

    boolean isLimited() {
        return requests > 0;
    }

    /** Waits until a call may leave without exceeding the budget, and counts it. */
    @Override
    public void acquire() throws InterruptedException {
        if (!isLimited()) {
            return;
        }
        lock.lockInterruptibly();
        try {
            long wait;
            while ((wait = waitNanos(System.nanoTime())) > 0) {
                windowMoves.awaitNanos(wait);
            }
            record(System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** Whether a call could leave now without waiting; counts nothing. */
    @Override
    public boolean hasRoom() {
        if (!isLimited()) {
            return true;
        }
        lock.lock();
        try {
            return waitNanos(System.nanoTime()) <= 0;
        } finally {
            lock.unlock();
        }
    }

    private long waitNanos(long now) {
        if (count < requests) {
            return 0;
        }
        // full ring: sentAt[next] is the oldest of the last `requests` calls
        return sentAt[next] + periodNanos - now;
    }

    private void record(long now) {
        sentAt[next] = now;
        next = (next + 1) % requests;
        if (count < requests) {
            count++;
        }
    }
}
