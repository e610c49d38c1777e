package io.github.camelhalopsa.replicas;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis set-up of src-docs/replicas.adoc on a real redis-server (com.github.codemonstur:embedded-redis):
 * Bucket4jRequestLimiter on Bucket4j's lettuce backend, two "replicas" (two connections, two limiters) with 8
 * threads each, never more than the budget in any rolling period.
 */
class RedisRequestLimiterTest {

    @Test
    void sixteenThreadsOfTwoReplicasOnRedisNeverExceedTheBudgetInAnyRollingPeriod() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RedisServer redis = new RedisServer(port);
        redis.start();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try {
            int budget = 20;
            Duration period = Duration.ofSeconds(2);
            List<Bucket4jRequestLimiter> replicas = List.of(replica(client, budget, period),
                    replica(client, budget, period));

            int busiest = SharedBucketCheck.busiestPeriod(replicas, 60, period);

            System.out.printf("shared bucket on Redis, 2 limiters x 8 threads, budget %d per %s: busiest rolling "
                              + "period held %d%n", budget, period, busiest);
            assertThat(busiest).as("permits in the busiest rolling period").isLessThanOrEqualTo(budget);
            assertThat(busiest).isGreaterThanOrEqualTo(budget - 2);
        } finally {
            client.shutdown();
            redis.stop();
        }
    }

    /** What the docs show, one connection per replica. */
    private static Bucket4jRequestLimiter replica(RedisClient redis, int budget, Duration period) {
        StatefulRedisConnection<String, byte[]> connection =
                redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        return new Bucket4jRequestLimiter(Bucket4jLettuce.casBasedBuilder(connection).build(), "halopsa", budget,
                period);
    }
}
