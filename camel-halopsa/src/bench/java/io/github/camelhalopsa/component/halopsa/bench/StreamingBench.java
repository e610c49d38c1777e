package io.github.camelhalopsa.component.halopsa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole list of tickets (100,000 by default) read four ways: the raw paging loop with Jackson, the halopsa
 * producer's streamed Iterator read directly, the same through split(body()).streaming(), and the eager list for
 * contrast. Records per second come from timed runs, each reader's run next to one of the raw loop (before it, then after it,
 * in turn), with the reading thread's CPU time per record
 * (the server's work excluded); heap growth from separate runs that force a collection every 10,000 records and keep
 * the largest live heap seen, minus the live heap before the run.
 */
final class StreamingBench {

    static final String RAW_LOOP = "raw paging loop (Jackson)";
    static final String ITERATOR = "halopsa streamList, Iterator";
    static final String SPLIT = "halopsa streamList + split streaming";
    static final String EAGER = "halopsa list (eager, for contrast)";

    private static final int SAMPLE_EVERY = 10_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * What one way of reading the list measured.
     *
     * @param rates     records per second of each timed run
     * @param pairedRaw the raw loop's runs, the i-th taken right before or after this reader's i-th; empty for the raw
     *                  loop itself
     */
    record Result(String contender, long records, double[] rates, double[] pairedRaw, double cpuMicrosPerRecord,
            double heapGrowthMb) {

        /** The median run. */
        double recordsPerSecond() {
            return Ratio.median(rates);
        }

        /** Over the raw loop: the ratio of the medians, with the scatter of the runs paired with this reader's. */
        Ratio overRaw(Result raw) {
            return Ratio.of(rates, pairedRaw, raw.recordsPerSecond());
        }
    }

    /** Reads the whole list, calling the sink once per record; returns the records read. */
    interface Reader {
        long readAll(RecordSink sink) throws Exception;
    }

    /** Receives each record. */
    interface RecordSink {
        void accept(Map<?, ?> record);
    }

    private StreamingBench() {
    }

    static List<Result> run(BenchSettings settings, long expected, RawClient raw, CamelClients camel) throws Exception {
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put(RAW_LOOP, sink -> raw.readAll(sink::accept));
        readers.put(ITERATOR, camel::streamAll);
        readers.put(SPLIT, camel::splitAll);
        readers.put(EAGER, camel::eagerAll);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> pairedRaw = new LinkedHashMap<>();
        Map<String, long[]> cpu = new LinkedHashMap<>();
        readers.keySet().forEach(name -> {
            rates.put(name, new ArrayList<>());
            pairedRaw.put(name, new ArrayList<>());
            cpu.put(name, new long[2]);
        });
        for (Reader reader : readers.values()) {
            time(reader, expected, new long[2]); // warm-up
        }
        Reader rawLoop = readers.get(RAW_LOOP);
        for (int repeat = 0; repeat < settings.streamRepeats(); repeat++) {
            for (Map.Entry<String, Reader> entry : readers.entrySet()) {
                String name = entry.getKey();
                if (name.equals(RAW_LOOP)) {
                    continue;
                }
                // each reader runs right next to a run of the raw loop, before it in one repeat and after it in the
                // next, so a change of load on the machine touches both runs of a pair
                boolean rawFirst = repeat % 2 == 0;
                double rawRate = 0;
                if (rawFirst) {
                    rawRate = timed(rawLoop, expected, cpu.get(RAW_LOOP));
                }
                rates.get(name).add(timed(entry.getValue(), expected, cpu.get(name)));
                if (!rawFirst) {
                    rawRate = timed(rawLoop, expected, cpu.get(RAW_LOOP));
                }
                rates.get(RAW_LOOP).add(rawRate);
                pairedRaw.get(name).add(rawRate);
            }
            System.out.printf(Locale.ROOT, "  streaming: repeat %d of %d done%n", repeat + 1, settings.streamRepeats());
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Reader> entry : readers.entrySet()) {
            String name = entry.getKey();
            double growth = heapGrowthMb(name.equals(EAGER) ? null : entry.getValue(), camel, expected);
            long[] cpuAndRecords = cpu.get(name);
            results.add(new Result(name, expected, toArray(rates.get(name)), toArray(pairedRaw.get(name)),
                    cpuAndRecords[0] / 1000.0 / cpuAndRecords[1], growth));
        }
        return results;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double timed(Reader reader, long expected, long[] cpuAndRecords) throws Exception {
        System.gc();
        return time(reader, expected, cpuAndRecords);
    }

    /** Records per second of one run; adds the calling thread's CPU time and the records to cpuAndRecords. */
    private static double time(Reader reader, long expected, long[] cpuAndRecords) throws Exception {
        long[] sum = new long[1];
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long read = reader.readAll(record -> sum[0] += ((Number) record.get("id")).longValue());
        long nanos = System.nanoTime() - start;
        cpuAndRecords[0] += THREADS.getCurrentThreadCpuTime() - cpuBefore;
        cpuAndRecords[1] += read;
        BenchMain.require(read == expected && sum[0] == expected * (expected + 1) / 2,
                "a reader saw " + read + " records, not each of the " + expected + " tickets once");
        return read * 1e9 / nanos;
    }

    /**
     * The largest live heap while the list is read, over the live heap before. For the eager list (reader null) it
     * is the live heap while the whole list is held.
     */
    private static double heapGrowthMb(Reader reader, CamelClients camel, long expected) throws Exception {
        long before = liveHeap();
        long[] peak = { before };
        if (reader == null) {
            List<?> all = camel.eagerList();
            peak[0] = liveHeap();
            BenchMain.require(all.size() == expected, "the eager list is incomplete");
        } else {
            long[] seen = new long[1];
            reader.readAll(record -> {
                if (++seen[0] % SAMPLE_EVERY == 0) {
                    peak[0] = Math.max(peak[0], liveHeap());
                }
            });
        }
        return (peak[0] - before) / (1024.0 * 1024.0);
    }

    private static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
