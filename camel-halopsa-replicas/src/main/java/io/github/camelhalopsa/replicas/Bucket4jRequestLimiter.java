package io.github.camelhalopsa.replicas;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;

/**
 * A request budget shared by every process that uses the same Bucket4j bucket: set it as the halopsa component's
 * {@code requestLimiter}, in each replica, with the same bucket key. The bucket lives wherever the
 * {@link ProxyManager} keeps it: PostgreSQL ({@link PostgreSqlRequestLimiter} sets that up), Redis
 * ({@code bucket4j_jdk17-lettuce}'s {@code Bucket4jLettuce.casBasedBuilder(...)}), or any other Bucket4j backend.
 * <p>
 * HaloPSA counts requests in a rolling window (300 per rolling 5 minutes), while a token bucket refills
 * continuously. {@link #rollingWindow} shapes the bucket so that no rolling window ever holds more than the budget:
 * a small burst ({@code requests / 20}, at least 1) that starts full, refilled with the rest of the budget spread
 * over the period. In any window of the period's length at most burst + refill = {@code requests} requests leave;
 * a saturated run uses {@code (requests - burst) / requests} of the budget, 95 % for Halo's 300.
 * <p>
 * A waiting request reserves its token in the shared bucket first and then sleeps until its turn, so the waiting
 * replicas are served in the order they asked, without polling the backend.
 */
public class Bucket4jRequestLimiter implements HaloPsaRequestLimiter {

    private final Bucket bucket;

    /** A limiter on a bucket built elsewhere; it must be shared by all replicas (a Bucket4j proxy). */
    public Bucket4jRequestLimiter(Bucket bucket) {
        this.bucket = bucket;
    }

    /** The bucket {@code key} of {@code buckets}, created with {@link #rollingWindow} when it does not exist yet. */
    public <K> Bucket4jRequestLimiter(ProxyManager<K> buckets, K key, int requests, Duration period) {
        BucketConfiguration configuration = rollingWindow(requests, period);
        this.bucket = buckets.builder().build(key, () -> configuration);
    }

    /**
     * A bucket that never lets more than {@code requests} leave in any rolling {@code period}.
     *
     * @throws IllegalArgumentException when requests is below 1 or the period is not positive
     */
    public static BucketConfiguration rollingWindow(int requests, Duration period) {
        if (requests < 1) {
            throw new IllegalArgumentException("A request budget must allow at least 1 request per period, not "
                                               + requests);
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A request budget needs a positive period, not " + period);
        }
        int burst = Math.max(1, requests / 20);
        int refill = requests - burst;
        Bandwidth bandwidth = refill == 0
                // a budget of 1: the one token comes back after a whole period
                ? Bandwidth.builder().capacity(1).refillIntervally(1, period).initialTokens(1).build()
                : Bandwidth.builder().capacity(burst).refillGreedy(refill, period).initialTokens(burst).build();
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }

    @Override
    public void acquire() throws InterruptedException {
        bucket.asBlocking().consume(1);
    }

    @Override
    public boolean hasRoom() {
        return bucket.getAvailableTokens() > 0;
    }

    @Override
    public String toString() {
        return "Bucket4jRequestLimiter[" + bucket + "]";
    }
}
