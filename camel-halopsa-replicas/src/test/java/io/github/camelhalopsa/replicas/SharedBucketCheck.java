package io.github.camelhalopsa.replicas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs 8 threads on each of several limiters that share one bucket until they were granted {@code permits}, and
 * reports the most permits granted in any rolling period.
 */
final class SharedBucketCheck {

    static int busiestPeriod(List<? extends HaloPsaRequestLimiter> replicas, int permits, Duration period)
            throws InterruptedException {
        int threadCount = 8 * replicas.size();
        List<Long> leftAt = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threadCount);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            for (int thread = 0; thread < threadCount; thread++) {
                HaloPsaRequestLimiter replica = replicas.get(thread % replicas.size());
                threads.execute(() -> {
                    try {
                        while (granted.get() < permits) {
                            replica.acquire();
                            if (granted.incrementAndGet() <= permits) {
                                leftAt.add(System.nanoTime());
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all permits granted").isTrue();
        } finally {
            threads.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(leftAt);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(permits);
        int busiest = 0;
        for (int first = 0; first < sorted.size(); first++) {
            int last = first;
            while (last + 1 < sorted.size() && sorted.get(last + 1) - sorted.get(first) < period.toNanos()) {
                last++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }

    private SharedBucketCheck() {
    }
}
