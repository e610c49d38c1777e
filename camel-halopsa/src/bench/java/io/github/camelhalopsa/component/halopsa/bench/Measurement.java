package io.github.camelhalopsa.component.halopsa.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rounds of one contender in one scenario at one thread count, summarised. */
final class Measurement {

    final String scenario;
    final String contender;
    final int threads;
    private final List<LoadRunner.Round> rounds = new ArrayList<>();
    private long[] sorted;

    Measurement(String scenario, String contender, int threads) {
        this.scenario = scenario;
        this.contender = contender;
        this.threads = threads;
    }

    void add(LoadRunner.Round round) {
        rounds.add(round);
        sorted = null;
    }

    /** The median round: a round that another process on the machine disturbed does not move it. */
    double callsPerSecond() {
        return Ratio.median(rates());
    }

    /**
     * This contender's throughput over another's. The two ran back to back in every round (in a rotating order), so
     * the round-by-round ratios show the scatter that a change of load on the machine leaves.
     */
    Ratio over(Measurement other) {
        return Ratio.of(rates(), other.rates());
    }

    private double[] rates() {
        return rounds.stream().mapToDouble(LoadRunner.Round::callsPerSecond).toArray();
    }

    double percentileMicros(double percentile) {
        if (sorted == null) {
            sorted = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    /** CPU time the calling thread spent per call: the client's own cost, server excluded. */
    double cpuMicrosPerCall() {
        long cpu = rounds.stream().mapToLong(LoadRunner.Round::cpuNanos).sum();
        long calls = rounds.stream().mapToLong(LoadRunner.Round::calls).sum();
        return cpu / 1000.0 / calls;
    }

    double allocatedKbPerCall() {
        long bytes = rounds.stream().mapToLong(LoadRunner.Round::allocatedBytes).sum();
        long calls = rounds.stream().mapToLong(LoadRunner.Round::calls).sum();
        return bytes / 1024.0 / calls;
    }
}
