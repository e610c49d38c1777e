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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared request budget on a real PostgreSQL: limiters of two "replicas" (two instances, two Bucket4j proxies,
 * one bucket row) with 8 threads each never let more than the budget leave in any rolling period.
 */
class PostgreSqlRequestLimiterTest {

    private static TestDatabase database;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        database.close();
    }

    @Test
    void sixteenThreadsOfTwoReplicasNeverExceedTheBudgetInAnyRollingPeriod() throws Exception {
        int budget = 20;
        Duration period = Duration.ofSeconds(2);
        int permits = 60;
        List<PostgreSqlRequestLimiter> replicas = List.of(limiter("shared", budget, period),
                limiter("shared", budget, period));
        List<Long> leftAt = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(16);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            for (int thread = 0; thread < 16; thread++) {
                PostgreSqlRequestLimiter replica = replicas.get(thread % 2);
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
        int busiest = 0;
        for (int first = 0; first < sorted.size(); first++) {
            int last = first;
            while (last + 1 < sorted.size() && sorted.get(last + 1) - sorted.get(first) < period.toNanos()) {
                last++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        System.out.printf("shared bucket, 2 limiters x 8 threads, budget %d per %s: %d permits, busiest rolling "
                          + "period held %d%n", budget, period, sorted.size(), busiest);
        assertThat(sorted).hasSize(permits);
        assertThat(busiest).as("permits in the busiest rolling period").isLessThanOrEqualTo(budget);
        // the bucket is shared: two separate budgets would have let 2 x 20 go in the first period
        assertThat(busiest).isGreaterThanOrEqualTo(budget - 2);
    }

    @Test
    void hasRoomUntilTheBurstIsSpentAndCountsNothing() throws Exception {
        PostgreSqlRequestLimiter limiter = limiter("room", 40, Duration.ofMinutes(10));
        // a budget of 40 starts with a burst of 2; the next token comes 15 s later
        assertThat(limiter.hasRoom()).isTrue();
        assertThat(limiter.hasRoom()).isTrue();
        limiter.acquire();
        limiter.acquire();
        assertThat(limiter.hasRoom()).isFalse();
    }

    @Test
    void aBudgetBelowOneIsRefusedWithoutTouchingTheDatabase() throws Exception {
        PostgreSqlRequestLimiter limiter = limiter("none", 0, Duration.ofMinutes(5));
        limiter.setTableName("never_created");

        assertThatThrownBy(limiter::acquire).hasMessageContaining("at least 1 request per period, not 0");
        assertThat(database.dataSource().getConnection().getMetaData().getTables(null, null, "never_created", null)
                .next()).isFalse();
    }

    private static PostgreSqlRequestLimiter limiter(String key, int budget, Duration period) {
        PostgreSqlRequestLimiter limiter = new PostgreSqlRequestLimiter(database.dataSource(), budget, period);
        limiter.setBucketKey(key);
        return limiter;
    }
}
