package io.github.camelhalopsa.component.halopsa.bench;

import java.util.Arrays;
import java.util.Locale;

/** A ratio measured in several rounds: the median, and the middle half of the rounds. */
record Ratio(double median, double lowerQuartile, double upperQuartile) {

    static Ratio of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Ratio(median(sorted), quantile(sorted, 0.25), quantile(sorted, 0.75));
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f (middle half of rounds %.2f-%.2f)", median, lowerQuartile,
                upperQuartile);
    }
}
