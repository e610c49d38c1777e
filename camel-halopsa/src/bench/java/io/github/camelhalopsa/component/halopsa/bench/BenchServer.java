package io.github.camelhalopsa.component.halopsa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HaloPSA for the benchmark: a token endpoint and {@code /api/Tickets} (one ticket by id, or a paged list
 * with {@code record_count}, capped at 100 a page the way Halo caps it), written from bytes prepared once. Nothing is
 * parsed or serialised per request beyond the query's page numbers, so the server costs the same for every client.
 * It runs on the JDK's own HTTP server: WireMock matches every request against its stubs, which would make the
 * server, not the client, the thing measured.
 */
final class BenchServer implements AutoCloseable {

    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-secret";
    static final String TOKEN = "bench-token-2b7e151628aed2a6abf7158809cf4f3c";
    static final int PAGE_CAP = 100;

    private static final byte[] TOKEN_ANSWER = ("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\","
                                                + "\"expires_in\":3600,\"scope\":\"all\"}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] STATIC_ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAUTHORISED = "{\"error\":\"invalid_token\"}".getBytes(StandardCharsets.UTF_8);
    private static final String BEARER = "Bearer " + TOKEN;

    private final HttpServer server;
    private final ExecutorService workers;
    private final int recordCount;
    private final long tokenDelayMillis;
    private final AtomicInteger tokenRequests = new AtomicInteger();

    /**
     * @param recordCount      tickets in the list
     * @param workerThreads    threads answering requests
     * @param tokenDelayMillis how long the token endpoint takes, so concurrent first calls really overlap
     */
    BenchServer(int recordCount, int workerThreads, long tokenDelayMillis) throws IOException {
        this.recordCount = recordCount;
        this.tokenDelayMillis = tokenDelayMillis;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        this.workers = Executors.newFixedThreadPool(workerThreads, runnable -> {
            Thread thread = new Thread(runnable, "bench-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/auth/token", this::token);
        server.createContext("/api/Tickets", this::tickets);
        server.createContext("/api/Static", exchange -> answer(exchange, STATIC_ANSWER));
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    int recordCount() {
        return recordCount;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        drain(exchange);
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, UNAUTHORISED);
            return;
        }
        try {
            Thread.sleep(tokenDelayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        send(exchange, 200, TOKEN_ANSWER);
    }

    private void tickets(HttpExchange exchange) throws IOException {
        drain(exchange);
        if (!BEARER.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, UNAUTHORISED);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path.length() > "/api/Tickets/".length()) {
            int id = Integer.parseInt(path.substring("/api/Tickets/".length()));
            TicketJson.writeTicket(exchange, id);
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        boolean paged = "true".equals(param(query, "pageinate"));
        // Halo without pageinate answers a first page of its own choosing; with it, at most 100 whatever is asked
        int size = paged ? Math.min(intParam(query, "page_size", 50), PAGE_CAP) : 50;
        int page = paged ? intParam(query, "page_no", 1) : 1;
        int first = (page - 1) * size + 1;
        int last = Math.min(recordCount, page * size);
        TicketJson.writePage(exchange, page, size, recordCount, first, last);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        drain(exchange);
        send(exchange, 200, body);
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.regionMatches(0, name, 0, eq) && eq == name.length()) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static int intParam(String query, String name, int fallback) {
        String value = param(query, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
