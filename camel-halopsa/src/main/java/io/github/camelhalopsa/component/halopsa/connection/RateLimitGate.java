package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 429 gate of one connection. When HaloPSA answers 429, the gate closes and every call on the connection waits
 * before it is sent, not only the one that was refused: Halo counts the tenant's requests, so the other threads would
 * only be refused as well and spend the window that is clearing.
 * <p>
 * Calls pass the gate in an epoch. A 429 to a call that was already on its way when the gate closed says nothing new;
 * a 429 to a call sent after the gate reopened means Halo's window has not cleared yet, so the next pause is twice as
 * long (up to {@link RetryPolicy#maxBackoff()}).
 */
final class RateLimitGate {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitGate.class);

    private final RetryPolicy policy;
    private final String host;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;
    private long reopensAt;
    private int consecutive;
    private long epoch;

    RateLimitGate(RetryPolicy policy, String host) {
        this.policy = policy;
        this.host = host;
    }

    /**
     * Waits while the gate is closed.
     *
     * @return the epoch the call goes out in, to hand back to {@link #refused} or {@link #answered}
     */
    long awaitOpen() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (closed) {
                long left = reopensAt - System.nanoTime();
                if (left <= 0) {
                    closed = false;
                    break;
                }
                changed.awaitNanos(left);
            }
            return epoch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A call that went out in {@code callEpoch} got a 429: close the gate.
     *
     * @param retryAfter Halo's Retry-After, or null
     */
    void refused(long callEpoch, Duration retryAfter) {
        lock.lock();
        try {
            Duration pause;
            if (callEpoch == epoch) {
                consecutive++;
                epoch++;
                pause = retryAfter != null ? policy.capped(retryAfter) : policy.afterRateLimit(consecutive);
                LOG.warn("HaloPSA at {} answered 429 (rate limit reached): every call on this connection waits {} ms{}",
                        host, pause.toMillis(), consecutive > 1 ? " (" + consecutive + " pauses in a row)" : "");
            } else if (retryAfter != null) {
                pause = policy.capped(retryAfter);
            } else {
                // sent before the gate closed: the pause that closed it already covers this refusal
                return;
            }
            long until = System.nanoTime() + pause.toNanos();
            if (!closed || until - reopensAt > 0) {
                reopensAt = until;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A call that went out in {@code callEpoch} got an answer other than 429: Halo's window has room again. */
    void answered(long callEpoch) {
        lock.lock();
        try {
            if (callEpoch == epoch) {
                consecutive = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How long calls still wait, or zero when the gate is open. */
    Duration closedFor() {
        lock.lock();
        try {
            long left = closed ? reopensAt - System.nanoTime() : 0;
            return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }
}
