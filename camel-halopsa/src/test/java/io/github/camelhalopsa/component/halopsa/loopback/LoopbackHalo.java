package io.github.camelhalopsa.component.halopsa.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A HaloPSA instance on loopback for the runtime checks (camel-jbang, Spring Boot, Quarkus), which run in builds that
 * do not share the component's WireMock test setup and whose dependency management would fight over Jetty and Jackson
 * versions. It uses the JDK's own HTTP server, so it adds no dependency to any of them.
 * <p>
 * It answers the way Halo's servers do for what those checks exercise: the authorisation server issues a bearer token
 * for the client credentials it was started with ({@code POST /auth/token?tenant=...}, form body, answer
 * {@code {"access_token":...,"token_type":"Bearer","expires_in":3600}}) and the resource server serves the lists set
 * with {@link #list} under {@code /api} (a bare JSON array, as Halo does for agents), only to that token. Anything else
 * gets Halo's 401 or 404.
 */
public final class LoopbackHalo implements AutoCloseable {

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, String> lists = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile String issuedToken;

    private LoopbackHalo(String clientId, String clientSecret) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/auth/token", this::token);
        server.createContext("/api/", this::api);
        server.start();
    }

    /** Starts on a free loopback port; only these client credentials get a token. */
    public static LoopbackHalo start(String clientId, String clientSecret) throws IOException {
        return new LoopbackHalo(clientId, clientSecret);
    }

    /** Serves {@code jsonArray} for {@code GET /api/<path>}, for example {@code list("Agent", "[...]")}. */
    public LoopbackHalo list(String path, String jsonArray) {
        lists.put("/api/" + path, jsonArray);
        return this;
    }

    /** The value for the component's resourceServer option: plain http on loopback. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received so far, each as method, path and query, for example {@code GET /api/Agent}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        record(exchange);
        Map<String, String> form = formOf(exchange.getRequestBody());
        boolean valid = "POST".equals(exchange.getRequestMethod())
                        && "client_credentials".equals(form.get("grant_type"))
                        && clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
        if (!valid) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        issuedToken = "loopback-token-" + tokensIssued.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + issuedToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void api(HttpExchange exchange) throws IOException {
        record(exchange);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (issuedToken == null || !("Bearer " + issuedToken).equals(authorization)) {
            respond(exchange, 401, "{\"message\":\"Unauthorized\"}");
            return;
        }
        String body = "GET".equals(exchange.getRequestMethod()) ? lists.get(exchange.getRequestURI().getPath()) : null;
        if (body == null) {
            respond(exchange, 404, "{\"message\":\"Not found\"}");
        } else {
            respond(exchange, 200, body);
        }
    }

    private void record(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                     + (query == null ? "" : "?" + query));
    }

    private static Map<String, String> formOf(InputStream body) throws IOException {
        String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return Arrays.stream(form.split("&"))
                .filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8),
                        (first, second) -> second));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
