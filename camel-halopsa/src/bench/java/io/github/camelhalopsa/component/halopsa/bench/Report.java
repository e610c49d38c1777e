package io.github.camelhalopsa.component.halopsa.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The printed tables. */
final class Report {

    private Report() {
    }

    static String machine(BenchSettings settings) {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "HaloPSA component benchmark%n"
                                          + "Machine: %d cores, %s %s (%s), max heap %d MB, %s %s%n"
                                          + "Loopback server: JDK HttpServer, 8 threads, in this JVM; HTTP pool %d "
                                          + "connections for every client%n"
                                          + "Rounds: %d x %d ms per contender after %d ms warm-up, interleaved; median "
                                          + "round reported%n",
                runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"), settings.poolSize(), settings.rounds(), settings.roundMillis(),
                settings.warmupMillis());
    }

    static String requests(List<Measurement> all, String raw, String producer, String httpRoute) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-31s %7s  %-17s %9s %7s %8s %8s %9s%n", "Scenario", "threads",
                "contender", "calls/s", "x raw", "p50 us", "p99 us", "KB/call"));
        for (Measurement m : all) {
            double rawRate = find(all, m.scenario, raw, m.threads).map(Measurement::callsPerSecond).orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "%-31s %7d  %-17s %9.0f %7.2f %8.1f %8.1f %9.1f%n", m.scenario,
                    m.threads, m.contender, m.callsPerSecond(), m.callsPerSecond() / rawRate, m.percentileMicros(50),
                    m.percentileMicros(99), m.allocatedKbPerCall()));
        }
        out.append(String.format(Locale.ROOT, "%nRatios (producer throughput / other):%n"));
        for (Measurement m : all) {
            if (!m.contender.equals(producer)) {
                continue;
            }
            double vsRaw = m.callsPerSecond() / find(all, m.scenario, raw, m.threads).orElseThrow().callsPerSecond();
            double vsRoute = m.callsPerSecond()
                             / find(all, m.scenario, httpRoute, m.threads).orElseThrow().callsPerSecond();
            out.append(String.format(Locale.ROOT, "  %-17s %d threads: %.2f of raw (target >= 0.90) %s, %.2f of "
                                                  + "camel-http (target >= 1.00) %s%n",
                    m.scenario, m.threads, vsRaw, verdict(vsRaw >= 0.9), vsRoute, verdict(vsRoute >= 1.0)));
        }
        return out.toString();
    }

    static String coldStart(ColdStart.Result result) {
        return String.format(Locale.ROOT, "%nCold start: %d concurrent first calls on a fresh connection -> %d token "
                                          + "request(s), %d answered, %d ms (target: exactly 1) %s%n",
                result.callers(), result.tokenRequests(), result.succeeded(), result.millis(),
                verdict(result.tokenRequests() == 1 && result.succeeded() == result.callers()));
    }

    static String streaming(List<StreamingBench.Result> results) {
        StringBuilder out = new StringBuilder();
        double rawRate = results.stream().filter(r -> r.contender().equals(StreamingBench.RAW_LOOP)).findFirst()
                .orElseThrow().recordsPerSecond();
        out.append(String.format(Locale.ROOT, "%nLarge list: %,d tickets in pages of 100%n", results.get(0).records()));
        out.append(String.format(Locale.ROOT, "%-38s %12s %7s %16s%n", "reader", "records/s", "x raw",
                "heap growth MB"));
        for (StreamingBench.Result r : results) {
            out.append(String.format(Locale.ROOT, "%-38s %12.0f %7.2f %16.1f%n", r.contender(), r.recordsPerSecond(),
                    r.recordsPerSecond() / rawRate, r.heapGrowthMb()));
        }
        for (StreamingBench.Result r : results) {
            if (r.contender().equals(StreamingBench.ITERATOR) || r.contender().equals(StreamingBench.SPLIT)) {
                double ratio = r.recordsPerSecond() / rawRate;
                out.append(String.format(Locale.ROOT, "  %s: %.2f of raw (target >= 0.80) %s, heap growth %.1f MB "
                                                      + "(target < 64) %s%n",
                        r.contender(), ratio, verdict(ratio >= 0.8), r.heapGrowthMb(), verdict(r.heapGrowthMb() < 64)));
            }
        }
        return out.toString();
    }

    static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static Optional<Measurement> find(List<Measurement> all, String scenario, String contender, int threads) {
        return all.stream().filter(m -> m.scenario.equals(scenario) && m.contender.equals(contender)
                                        && m.threads == threads).findFirst();
    }
}
