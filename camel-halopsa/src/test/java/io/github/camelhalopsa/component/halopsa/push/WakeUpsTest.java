package io.github.camelhalopsa.component.halopsa.push;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coalescing of webhook calls into polls, with a poll that the test holds open, so that "during a poll" means
 * exactly that.
 */
class WakeUpsTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ReentrantLock pollLock = new ReentrantLock();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final CountDownLatch pollStarted = new CountDownLatch(1);

    private final WakeUps wakeUps = new WakeUps(executor, pollLock, this::poll);

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private void poll() {
        int now = running.incrementAndGet();
        mostAtOnce.accumulateAndGet(now, Math::max);
        polls.incrementAndGet();
        pollStarted.countDown();
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
    }

    @Test
    void fiveCallsDuringAWakeUpPollMakeExactlyOneMore() throws Exception {
        release = new CountDownLatch(1);
        wakeUps.wakeUp();
        assertThat(pollStarted.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 5; i++) {
            wakeUps.wakeUp();
        }
        release.countDown();
        drain();

        assertThat(polls).hasValue(2);
    }

    @Test
    void callsDuringAScheduledPollMakeOnePollAfterItNeverBeside() throws Exception {
        release = new CountDownLatch(1);
        Thread scheduler = new Thread(() -> {
            pollLock.lock();
            try {
                poll();
            } finally {
                pollLock.unlock();
            }
        });
        scheduler.start();
        assertThat(pollStarted.await(5, TimeUnit.SECONDS)).isTrue();

        wakeUps.wakeUp();
        // the wake-up poll is either waiting for the scheduled one, as it should, or running beside it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pollLock.hasQueuedThreads() && running.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < 4; i++) {
            wakeUps.wakeUp();
        }
        release.countDown();
        scheduler.join(5_000);
        drain();

        assertThat(polls).hasValue(2);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void underAStormOfCallsAndScheduledPollsNoTwoPollsOverlap() throws Exception {
        AtomicBoolean storming = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> {
                while (storming.get()) {
                    wakeUps.wakeUp();
                }
            }));
        }
        threads.add(new Thread(() -> {
            while (storming.get()) {
                pollLock.lock();
                try {
                    poll();
                } finally {
                    pollLock.unlock();
                }
            }
        }));
        threads.forEach(Thread::start);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until && polls.get() < 10_000) {
            Thread.onSpinWait();
        }
        storming.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        drain();

        assertThat(polls.get()).isGreaterThan(10);
        assertThat(mostAtOnce).hasValue(1);
    }

    /** Waits until the wake-up thread has run everything queued so far, twice over (a poll may queue one more). */
    private void drain() throws Exception {
        for (int i = 0; i < 2; i++) {
            executor.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }
    }
}
