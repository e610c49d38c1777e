package io.github.camelhalopsa.component.halopsa.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one call in a closed loop on N threads for a fixed time and records, per call, its latency and the bytes its
 * thread allocated. Allocation is read from the calling threads only (com.sun.management.ThreadMXBean), so the
 * in-process server's own garbage is not charged to the client; likewise the CPU time of the calling threads, which,
 * unlike throughput, other processes on the machine hardly move. The loop itself allocates nothing.
 */
final class LoadRunner implements AutoCloseable {

    /** One call of a contender; its result must not be null. */
    interface Call {
        Object run() throws Exception;
    }

    /** What one timed round measured. */
    record Round(long calls, long nanos, long allocatedBytes, long cpuNanos, long[] latencies) {
        double callsPerSecond() {
            return calls * 1e9 / nanos;
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int MAX_SAMPLES_PER_THREAD = 1 << 20;

    private final int threads;
    private final ExecutorService pool;
    private final long[][] latencies;

    LoadRunner(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-caller");
            thread.setDaemon(true);
            return thread;
        });
        this.latencies = new long[threads][MAX_SAMPLES_PER_THREAD];
    }

    int threads() {
        return threads;
    }

    Round run(Call call, long millis) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Callable<long[]>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] samples = latencies[t];
            tasks.add(() -> {
                ready.countDown();
                go.await();
                long end = deadline[0];
                long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long begin = System.nanoTime();
                int n = 0;
                long now = begin;
                while (now < end && n < samples.length) {
                    if (call.run() == null) {
                        throw new IllegalStateException("A contender returned nothing");
                    }
                    long after = System.nanoTime();
                    samples[n++] = after - now;
                    now = after;
                }
                long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
                return new long[] { n, now - begin, allocated, cpu };
            });
        }
        List<Future<long[]>> futures = new ArrayList<>();
        for (Callable<long[]> task : tasks) {
            futures.add(pool.submit(task));
        }
        ready.await();
        deadline[0] = System.nanoTime() + millis * 1_000_000L;
        go.countDown();
        long calls = 0;
        long nanos = 0;
        long allocated = 0;
        long cpu = 0;
        long[][] perThread = new long[threads][];
        for (int t = 0; t < threads; t++) {
            long[] result = futures.get(t).get();
            calls += result[0];
            nanos = Math.max(nanos, result[1]);
            allocated += result[2];
            cpu += result[3];
            perThread[t] = java.util.Arrays.copyOf(latencies[t], (int) result[0]);
        }
        long[] all = new long[(int) calls];
        int at = 0;
        for (long[] part : perThread) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return new Round(calls, nanos, allocated, cpu, all);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
