package io.github.camelhalopsa.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A loopback HTTP server standing in for the application Halo calls: it keeps every call it gets, in order. */
final class WebhookReceiver implements AutoCloseable {

    record Call(String method, String path, String authorization, String apiKey, String contentType, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return HaloHttp.JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("The webhook body is not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final AtomicInteger answered = new AtomicInteger();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Api-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            arrived.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            answered.incrementAndGet();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answer every call with this status from now on. */
    void answer(int status) {
        this.status = status;
    }

    /** Keep calls waiting for their answer until {@link #release()}. */
    void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    /** Calls answered so far (a held call is not). */
    int answered() {
        return answered.get();
    }

    boolean awaitFirstArrival(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next call, or an AssertionError when none comes within 10 s. */
    Call next() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("No webhook call arrived within 10 s");
        }
        return call;
    }

    List<Call> next(int count) throws InterruptedException {
        List<Call> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** Calls that have arrived and were not taken yet. */
    List<Call> pending() {
        List<Call> rest = new ArrayList<>();
        calls.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
