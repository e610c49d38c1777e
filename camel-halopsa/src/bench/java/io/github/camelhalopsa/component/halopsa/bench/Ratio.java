package io.github.camelhalopsa.component.halopsa.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One contender's throughput over another's, reported one way everywhere: the ratio of the two medians, which is what
 * the tables' own columns give when divided, with the middle half of the paired ratios (each run over the other
 * contender's run next to it) beside it to show how far runs scatter.
 */
record Ratio(double ofMedians, double pairedLowerQuartile, double pairedUpperQuartile) {

    /**
     * @param rates      this contender's runs
     * @param otherRates the other contender's runs, the i-th taken right before or after this contender's i-th
     */
    static Ratio of(double[] rates, double[] otherRates) {
        return of(rates, otherRates, median(otherRates));
    }

    /**
     * @param pairedOtherRates the other contender's runs taken next to this contender's, for the scatter
     * @param otherMedian      the other contender's median over all its runs, for the ratio of medians
     */
    static Ratio of(double[] rates, double[] pairedOtherRates, double otherMedian) {
        int pairs = Math.min(rates.length, pairedOtherRates.length);
        double[] paired = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            paired[i] = rates[i] / pairedOtherRates[i];
        }
        Arrays.sort(paired);
        return new Ratio(median(rates) / otherMedian, quantile(paired, 0.25), quantile(paired, 0.75));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** MET only when the ratio of medians reaches the target; otherwise by how much it falls short. */
    String verdict(double target) {
        return ofMedians >= target ? "MET"
                : String.format(Locale.ROOT, "NOT MET (short by %.2f)", target - ofMedians);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f (ratio of medians; paired runs, middle half %.2f-%.2f)", ofMedians,
                pairedLowerQuartile, pairedUpperQuartile);
    }
}
