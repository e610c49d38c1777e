package io.github.camelhalopsa.component.halopsa.bench;

/** Durations and sizes, from system properties; bench.quick=true gives a smoke run of a few seconds. */
record BenchSettings(int rounds, long roundMillis, long warmupMillis, int tickets, int streamRepeats, int poolSize) {

    static BenchSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new BenchSettings(
                Integer.getInteger("bench.rounds", quick ? 3 : 25),
                Long.getLong("bench.roundMillis", quick ? 200 : 400),
                Long.getLong("bench.warmupMillis", quick ? 500 : 3000),
                Integer.getInteger("bench.tickets", quick ? 10_000 : 100_000),
                Integer.getInteger("bench.streamRepeats", quick ? 1 : 9),
                20);
    }
}
