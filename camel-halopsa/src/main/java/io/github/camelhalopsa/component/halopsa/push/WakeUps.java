package io.github.camelhalopsa.component.halopsa.push;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns webhook calls into polls, one poll at a time. A call while no wake-up poll is waiting queues one; calls while
 * it waits join it. The flag is cleared only once the waiting poll holds the poll lock, so calls that arrive while
 * any poll runs (a scheduled one or a wake-up) make exactly one more poll after it, never a concurrent one.
 */
final class WakeUps {

    private final ExecutorService executor;
    private final ReentrantLock pollLock;
    private final Runnable poll;
    private final AtomicBoolean waiting = new AtomicBoolean();

    /**
     * @param executor a single thread for the wake-up polls
     * @param pollLock held by every poll, scheduled or not
     * @param poll     one poll of the trigger
     */
    WakeUps(ExecutorService executor, ReentrantLock pollLock, Runnable poll) {
        this.executor = executor;
        this.pollLock = pollLock;
        this.poll = poll;
    }

    /** Asks for a poll soon; returns at once. */
    void wakeUp() {
        if (!waiting.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::pollNow);
        } catch (RejectedExecutionException e) {
            // stopping: the scheduled poll of the next start catches up
            waiting.set(false);
        }
    }

    private void pollNow() {
        pollLock.lock();
        try {
            waiting.set(false);
            poll.run();
        } finally {
            pollLock.unlock();
        }
    }
}
