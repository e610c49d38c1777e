package io.github.camelhalopsa.replicas;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelhalopsa.sandbox.HaloSandbox;
import io.github.camelhalopsa.sandbox.SandboxCollection;
import io.github.camelhalopsa.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replica JVMs x 8 threads against a sandbox whose rate limit is scaled down to 60 requests per rolling 10 s
 * (Halo's 300 per 5 minutes, 30 times faster). With the budget shared in PostgreSQL no request is answered 429 and
 * the saturated replicas use at least 90 % of the budget; each replica with a rolling window of its own, as a
 * single instance is configured, runs into 429s (the contrast, printed).
 */
class SharedBudgetTest {

    private static final int BUDGET = 60;
    private static final Duration PERIOD = Duration.ofSeconds(10);
    private static final int REPLICAS = 3;
    private static final int THREADS = 8;
    /** Three periods of saturation; the replicas have started, fetched their token and warmed up before. */
    private static final int PERIODS = 3;

    @RegisterExtension
    static final TestDatabase.PerClass DATABASE = new TestDatabase.PerClass();

    record Run(List<Integer> answeredPerPeriod, List<Integer> refusedPerPeriod, List<String> replicaResults) {
        int refused() {
            return refusedPerPeriod.stream().mapToInt(Integer::intValue).sum();
        }
    }


    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void withTheSharedBucketNothingIsRefusedAndTheBudgetIsUsed() throws Exception {
        Run shared = run(true);
        Run own = run(false);

        Figures figures = new Figures("budget");
        figures.line("Budget: %d replica JVMs x %d threads, sandbox limit %d requests per rolling %d s, %d periods of "
                     + "saturation", REPLICAS, THREADS, BUDGET, PERIOD.toSeconds(), PERIODS);
        describe(figures, "shared bucket (PostgreSqlRequestLimiter)", shared);
        describe(figures, "own rolling window per replica (rateLimit=" + BUDGET + ")", own);
        figures.write();

        assertThat(shared.refused()).as("requests answered 429 with the shared bucket").isZero();
        for (int period = 0; period < PERIODS; period++) {
            assertThat(shared.answeredPerPeriod().get(period)).as("answered in saturated period " + (period + 1))
                    .isGreaterThanOrEqualTo((int) Math.ceil(BUDGET * 0.9));
        }
        assertThat(own.refused()).as("429s without the shared bucket").isGreaterThan(shared.refused());
    }

    private static void describe(Figures figures, String what, Run run) {
        int answered = run.answeredPerPeriod().stream().mapToInt(Integer::intValue).sum();
        figures.line("%s: answered per %d s period %s (%d in all, %.1f %% of %d), answered 429: %d %s", what,
                PERIOD.toSeconds(), run.answeredPerPeriod(), answered, 100.0 * answered / (BUDGET * PERIODS),
                BUDGET * PERIODS, run.refused(), run.refusedPerPeriod());
        figures.line("  calls completed per replica (threads waiting at the end finish after it): %s", run.replicaResults());
    }

    private static Run run(boolean shared) throws Exception {
        try (HaloSandbox halo = HaloSandbox.start(SandboxOptions.defaults().demoData(false).specCheck(false)
                .requestBudget(BUDGET, PERIOD));
             ReplicaProcesses processes = new ReplicaProcesses(shared ? "budget-shared" : "budget-own")) {
            Object ticketId = halo.data().save(SandboxCollection.ticket, Map.of("summary", "read again and again"))
                    .get("id");
            // every replica is up before the common start: JVM start-up is not part of what is measured
            long startAt = System.currentTimeMillis() + 8_000;
            long endAt = startAt + PERIOD.toMillis() * PERIODS;
            List<Process> replicas = new ArrayList<>();
            for (int replica = 1; replica <= REPLICAS; replica++) {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("halo.resourceServer", halo.resourceServer());
                properties.put("halo.clientId", halo.clientId());
                properties.put("halo.clientSecret", halo.clientSecret());
                properties.put("halo.tenant", halo.tenant());
                properties.put("budget.shared", String.valueOf(shared));
                properties.put("budget.requests", String.valueOf(BUDGET));
                properties.put("budget.periodMillis", String.valueOf(PERIOD.toMillis()));
                properties.put("budget.jdbcUrl", DATABASE.database().jdbcUrl());
                properties.put("budget.bucketKey", "halopsa-" + startAt);
                properties.put("load.threads", String.valueOf(THREADS));
                properties.put("load.startAtMillis", String.valueOf(startAt));
                properties.put("load.endAtMillis", String.valueOf(endAt));
                properties.put("load.uri", "halopsa:ticket?operation=get&id=" + ticketId);
                replicas.add(processes.start("replica-" + replica, LoadReplica.class, properties));
            }
            List<String> results = new ArrayList<>();
            for (int replica = 0; replica < REPLICAS; replica++) {
                assertThat(replicas.get(replica).waitFor(90, TimeUnit.SECONDS)).as("replica ended").isTrue();
                List<String> lines = Files.readAllLines(processes.log("replica-" + (replica + 1)).toPath());
                results.add(lines.stream().filter(line -> line.startsWith("RESULT")).findFirst()
                        .orElse("no result (see " + processes.log("replica-" + (replica + 1)) + ")"));
            }
            return count(halo, startAt, results);
        }
    }

    /** What the sandbox answered to API calls, per period of the run. */
    private static Run count(HaloSandbox halo, long startAt, List<String> results) {
        List<Integer> answered = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        for (int period = 0; period < PERIODS; period++) {
            answered.add(0);
            refused.add(0);
        }
        for (ServeEvent event : halo.wireMock().getAllServeEvents()) {
            if (!event.getRequest().getUrl().startsWith("/api/")) {
                continue;
            }
            long at = event.getRequest().getLoggedDate().getTime();
            int period = (int) ((at - startAt) / PERIOD.toMillis());
            if (at < startAt || period >= PERIODS) {
                continue;
            }
            List<Integer> counted = event.getResponse().getStatus() == 429 ? refused : answered;
            counted.set(period, counted.get(period) + 1);
        }
        return new Run(answered, refused, results);
    }
}
