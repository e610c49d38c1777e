package io.github.camelhalopsa.replicas;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelhalopsa.component.halopsa.HaloPsaComponent;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of the budget test: from a given moment to another, 8 threads call HaloPSA as fast as the request
 * limiter lets them, with either the budget shared by all replicas (PostgreSqlRequestLimiter) or a rolling window of
 * the replica's own (rateLimit), as a single-instance set-up has. Prints what it got on its last line.
 */
public final class LoadReplica {

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        int budget = Integer.parseInt(properties.getProperty("budget.requests"));
        Duration period = Duration.ofMillis(Long.parseLong(properties.getProperty("budget.periodMillis")));
        int threads = Integer.parseInt(properties.getProperty("load.threads"));
        long startAt = Long.parseLong(properties.getProperty("load.startAtMillis"));
        long endAt = Long.parseLong(properties.getProperty("load.endAtMillis"));
        String uri = properties.getProperty("load.uri");

        HaloPsaComponent halopsa = new HaloPsaComponent();
        HaloPsaConfiguration configuration = halopsa.getConfiguration();
        configuration.setResourceServer(properties.getProperty("halo.resourceServer"));
        configuration.setClientId(properties.getProperty("halo.clientId"));
        configuration.setClientSecret(properties.getProperty("halo.clientSecret"));
        configuration.setTenant(properties.getProperty("halo.tenant"));
        configuration.setRateLimitBackoff(1_000);
        configuration.setMaxBackoff(period.toMillis());
        configuration.setMaxRetries(10);
        HikariDataSource dataSource = null;
        if (Boolean.parseBoolean(properties.getProperty("budget.shared"))) {
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(properties.getProperty("budget.jdbcUrl"));
            dataSource.setMaximumPoolSize(threads);
            PostgreSqlRequestLimiter limiter = new PostgreSqlRequestLimiter(dataSource, budget, period);
            limiter.setBucketKey(properties.getProperty("budget.bucketKey"));
            configuration.setRequestLimiter(limiter);
            // opens the pool, the table and the bucket before the measured run; takes no token
            limiter.hasRoom();
        } else {
            configuration.setRateLimit(budget);
            configuration.setRateLimitPeriod(period.toMillis());
        }
        CamelContext context = new DefaultCamelContext();
        context.addComponent("halopsa", halopsa);
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        // the token and a warm connection before the measured run, so that it measures the budget, not a cold start
        template.requestBody(uri, (Object) null);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.currentTimeMillis() < endAt) {
                        try {
                            template.requestBody(uri, (Object) null);
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        // threads waiting at the limiter past the end are not waited for
        done.await(Math.max(0, endAt - System.currentTimeMillis()) + period.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        System.out.println("RESULT answered=" + answered.get() + " failed=" + failed.get());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private LoadReplica() {
    }
}
