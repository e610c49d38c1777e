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
                                          + "round reported%n"
                                          + "Load average (1 min) at the start: %s%n",
                runtime.availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"), settings.poolSize(), settings.rounds(), settings.roundMillis(),
                settings.warmupMillis(), loadAverage());
    }

    /** Other processes share this machine: their load is part of the conditions of a run. */
    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f on %d cores", load,
                Runtime.getRuntime().availableProcessors());
    }

    static String requests(List<Measurement> all, String raw, String producer, String httpRoute) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-31s %7s  %-17s %9s %7s %8s %8s %9s %8s%n", "Scenario", "threads",
                "contender", "calls/s", "x raw", "p50 us", "p99 us", "KB/call", "CPU us"));
        for (Measurement m : all) {
            Optional<Measurement> rawRun = find(all, m.scenario, raw, m.threads);
            out.append(String.format(Locale.ROOT, "%-31s %7d  %-17s %9.0f %7s %8.1f %8.1f %9.1f %8.1f%n",
                    m.scenario, m.threads, m.contender, m.callsPerSecond(),
                    rawRun.map(r -> String.format(Locale.ROOT, "%.2f", m.over(r).ofMedians())).orElse("-"),
                    m.percentileMicros(50), m.percentileMicros(99), m.allocatedKbPerCall(), m.cpuMicrosPerCall()));
        }
        out.append(String.format(Locale.ROOT, "%nx raw: this contender's median calls/s over the raw client's median "
                                              + "calls/s (the two columns divided). CPU us: CPU time of the calling "
                                              + "threads per call.%n"));
        out.append(String.format(Locale.ROOT, "%nRatios, producer throughput over the other's:%n"));
        for (Measurement m : all) {
            if (!m.contender.equals(producer)) {
                continue;
            }
            Ratio vsRaw = m.over(find(all, m.scenario, raw, m.threads).orElseThrow());
            Ratio vsRoute = m.over(find(all, m.scenario, httpRoute, m.threads).orElseThrow());
            out.append(String.format(Locale.ROOT, "  %-17s %d thread%s: raw %s, target 0.90 %s%n", m.scenario,
                    m.threads, m.threads == 1 ? " " : "s", vsRaw, vsRaw.verdict(0.9)));
            out.append(String.format(Locale.ROOT, "  %-17s %d thread%s: camel-http %s, target 1.00 %s%n", "",
                    m.threads, m.threads == 1 ? " " : "s", vsRoute, vsRoute.verdict(1.0)));
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
        StreamingBench.Result raw = results.stream().filter(r -> r.contender().equals(StreamingBench.RAW_LOOP))
                .findFirst().orElseThrow();
        out.append(String.format(Locale.ROOT, "%nLarge list: %,d tickets in pages of 100, median of %d runs (the raw "
                                              + "loop: of %d, one next to each run of the others)%n",
                raw.records(), results.get(1).rates().length, raw.rates().length));
        out.append(String.format(Locale.ROOT, "%-38s %12s %7s %14s %16s%n", "reader", "records/s", "x raw",
                "CPU us/record", "heap growth MB"));
        for (StreamingBench.Result r : results) {
            out.append(String.format(Locale.ROOT, "%-38s %12.0f %7.2f %14.2f %16.1f%n", r.contender(),
                    r.recordsPerSecond(), r.recordsPerSecond() / raw.recordsPerSecond(), r.cpuMicrosPerRecord(),
                    r.heapGrowthMb()));
        }
        for (StreamingBench.Result r : results) {
            if (r.contender().equals(StreamingBench.ITERATOR) || r.contender().equals(StreamingBench.SPLIT)) {
                Ratio ratio = r.overRaw(raw);
                out.append(String.format(Locale.ROOT, "  %s: raw %s, target 0.80 %s; heap growth %.1f MB, target "
                                                      + "< 64 %s%n",
                        r.contender(), ratio, ratio.verdict(0.8), r.heapGrowthMb(),
                        verdict(r.heapGrowthMb() < 64)));
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
