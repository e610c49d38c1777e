package io.github.camelhalopsa.component.halopsa.bench;

/** Durations and sizes, from system properties; bench.quick=true gives a smoke run of a few seconds. */
record BenchSettings(int rounds, long roundMillis, long warmupMillis, int tickets, int streamRepeats, int poolSize,
                     int pushTickets, long pushSpreadMillis, long pushIdleMillis) {

    static BenchSettings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new BenchSettings(
                Integer.getInteger("bench.rounds", quick ? 3 : 25),
                Long.getLong("bench.roundMillis", quick ? 200 : 400),
                Long.getLong("bench.warmupMillis", quick ? 500 : 3000),
                Integer.getInteger("bench.tickets", quick ? 10_000 : 100_000),
                Integer.getInteger("bench.streamRepeats", quick ? 1 : 9),
                20,
                // push vs. poll: tickets opened over the spread (a 30 s poll sees several polls), then an idle stretch
                Integer.getInteger("bench.pushTickets", quick ? 4 : 30),
                Long.getLong("bench.pushSpreadMillis", quick ? 8_000 : 120_000),
                Long.getLong("bench.pushIdleMillis", quick ? 5_000 : 60_000));
    }
}
