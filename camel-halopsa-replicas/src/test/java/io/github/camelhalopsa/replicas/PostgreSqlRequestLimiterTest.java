package io.github.camelhalopsa.replicas;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared request budget on a real PostgreSQL: limiters of two "replicas" (two instances, two Bucket4j proxies,
 * one bucket row) with 8 threads each never let more than the budget leave in any rolling period.
 */
class PostgreSqlRequestLimiterTest {

    @RegisterExtension
    static final TestDatabase.PerClass DATABASE = new TestDatabase.PerClass();


    @Test
    void sixteenThreadsOfTwoReplicasNeverExceedTheBudgetInAnyRollingPeriod() throws Exception {
        int budget = 20;
        Duration period = Duration.ofSeconds(2);
        int permits = 60;
        List<PostgreSqlRequestLimiter> replicas = List.of(limiter("shared", budget, period),
                limiter("shared", budget, period));

        int busiest = SharedBucketCheck.busiestPeriod(replicas, permits, period);

        System.out.printf("shared bucket, 2 limiters x 8 threads, budget %d per %s: %d permits, busiest rolling "
                          + "period held %d%n", budget, period, permits, busiest);
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
        assertThat(DATABASE.database().dataSource().getConnection().getMetaData().getTables(null, null, "never_created", null)
                .next()).isFalse();
    }

    private static PostgreSqlRequestLimiter limiter(String key, int budget, Duration period) {
        PostgreSqlRequestLimiter limiter = new PostgreSqlRequestLimiter(DATABASE.database().dataSource(), budget, period);
        limiter.setBucketKey(key);
        return limiter;
    }
}
