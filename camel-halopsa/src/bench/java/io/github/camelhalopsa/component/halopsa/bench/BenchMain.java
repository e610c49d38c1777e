package io.github.camelhalopsa.component.halopsa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The benchmark: the halopsa producer beside a hand-written Apache HttpClient 5 loop (the limit) and a camel-http
 * route, against one loopback server, at 1 and 8 threads; then 64 concurrent first calls; then 100,000 tickets
 * streamed; then push against the 30 s poll (latency and idle requests, {@link PushLatencyBench}). Run with {@code mvn -B -Pbench -pl camel-halopsa verify}; it prints the whole comparison.
 * <p>
 * Contenders take turns in short rounds (in a rotating order); each figure is the median round, and each ratio the
 * ratio of two contenders' medians, printed with the middle half of their round-by-round ratios, so a build that
 * another process starts on this shared machine shows as scatter rather than moving one contender alone.
 */
public final class BenchMain {

    private static final String RAW = "raw HttpClient 5";
    private static final String PRODUCER = "halopsa producer";
    private static final String HTTP_ROUTE = "camel-http route";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        long started = System.nanoTime();
        System.out.println(Report.machine(settings));
        try (BenchServer server = new BenchServer(settings.tickets(), 8, 50)) {
            ColdStart.Result cold = ColdStart.run(server, 64);
            List<Measurement> requests;
            List<StreamingBench.Result> streaming;
            try (RawClient raw = new RawClient(server.baseUrl(), settings.poolSize());
                 CamelClients camel = new CamelClients(server.baseUrl(), BenchServer.TOKEN, settings.poolSize())) {
                checkSameAnswers(raw, camel);
                requests = new ArrayList<>();
                for (int threads : new int[] { 1, 8 }) {
                    requests.addAll(requestMatrix(settings, threads, raw, camel));
                }
                streaming = StreamingBench.run(settings, server.recordCount(), raw, camel);
            }
            System.out.println(Report.requests(requests, RAW, PRODUCER, HTTP_ROUTE));
            System.out.println(Report.coldStart(cold));
            System.out.println(Report.streaming(streaming));
        }
        System.out.println(PushLatencyBench.report(PushLatencyBench.run(settings.pushTickets(),
                settings.pushSpreadMillis(), settings.pushIdleMillis())));
        System.out.printf(Locale.ROOT, "Whole run: %.1f minutes; load average at the end %s%n",
                (System.nanoTime() - started) / 60e9, Report.loadAverage());
    }

    private static List<Measurement> requestMatrix(BenchSettings settings, int threads, RawClient raw, CamelClients camel)
            throws Exception {
        Map<Measurement, LoadRunner.Call> contenders = new LinkedHashMap<>();
        contenders.put(new Measurement("static answer (server ceiling)", RAW, threads), raw::ping);
        contenders.put(new Measurement("get one ticket", RAW, threads), () -> raw.getTicket(CamelClients.TICKET_ID));
        contenders.put(new Measurement("get one ticket", PRODUCER, threads), camel::haloGet);
        contenders.put(new Measurement("get one ticket", HTTP_ROUTE, threads), camel::httpGet);
        contenders.put(new Measurement("page read, not parsed (ceiling)", RAW, threads), raw::pageBytesOnly);
        contenders.put(new Measurement("list 100 tickets", RAW, threads), () -> raw.firstPage(100));
        contenders.put(new Measurement("list 100 tickets", PRODUCER, threads), camel::haloList);
        contenders.put(new Measurement("list 100 tickets", HTTP_ROUTE, threads), camel::httpList);
        List<Measurement> order = new ArrayList<>(contenders.keySet());
        try (LoadRunner runner = new LoadRunner(threads)) {
            for (Measurement m : order) {
                runner.run(contenders.get(m), settings.warmupMillis());
            }
            for (int round = 0; round < settings.rounds(); round++) {
                for (int i = 0; i < order.size(); i++) {
                    Measurement m = order.get((i + round) % order.size());
                    System.gc();
                    m.add(runner.run(contenders.get(m), settings.roundMillis()));
                }
                System.out.printf(Locale.ROOT, "  %d threads: round %d of %d done%n", threads, round + 1,
                        settings.rounds());
            }
        }
        return order;
    }

    /** All contenders must get the same records, or the comparison means nothing. */
    private static void checkSameAnswers(RawClient raw, CamelClients camel) throws Exception {
        Map<String, Object> ticket = raw.getTicket(CamelClients.TICKET_ID);
        require(ticket.equals(camel.haloGet()) && ticket.equals(camel.httpGet()), "get answers differ");
        List<Map<String, Object>> page = raw.firstPage(100);
        require(page.size() == 100 && page.equals(camel.haloList()) && page.equals(camel.httpList()),
                "list answers differ");
        require(Objects.equals(page.get(99).get("id"), 100), "the first page does not end with ticket 100");
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Benchmark set-up is wrong: " + what);
        }
    }
}
