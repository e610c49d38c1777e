package io.github.camelhalopsa.component.halopsa.connection;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaAuthenticationException;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequestLimiter;
import org.apache.camel.CamelException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HaloPSA connection: a pooled Apache HttpClient 5, the OAuth2 client-credentials token, the 429 gate and the
 * request limiter (the optional rolling window, or the option requestLimiter's) that every endpoint with the same {@link ConnectionSettings} shares. Calls carry the bearer
 * token; a 401 renews the token once and repeats the call once; rate limits, server errors and network faults are
 * handled by {@link RetryingCaller}.
 */
public class HaloPsaConnection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPsaConnection.class);
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final int MAX_CONNECTIONS = 20;
    /** A pooled connection idle this long is checked before reuse: a POST on a connection Halo closed would fail. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);
    private static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofSeconds(30);

    private final ConnectionSettings settings;
    private final ObjectMapper mapper;
    private final CloseableHttpClient http;
    private final AccessTokenProvider tokens;
    private final RateLimitGate gate;
    private final HaloPsaRequestLimiter budget;
    private final RetryingCaller caller;
    private final TokenEndpoint tokenEndpoint;
    private volatile long lastAnsweredNanos;
    private volatile boolean answeredOnce;
    private volatile long lastTokenRefusalNanos;
    private volatile boolean tokenRefused;

    public HaloPsaConnection(ConnectionSettings settings, ObjectMapper mapper) {
        this(settings, mapper, Clock.systemUTC());
    }

    HaloPsaConnection(ConnectionSettings settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = createClient(settings);
        this.gate = new RateLimitGate(settings.retryPolicy(), host());
        this.budget = settings.requestLimiter() != null
                ? settings.requestLimiter() : RollingWindowLimiter.of(settings.rateLimit(), settings.rateLimitPeriod());
        this.caller = new RetryingCaller(settings.retryPolicy(), gate, budget, host(), clock);
        this.tokenEndpoint = new TokenEndpoint(settings, mapper);
        this.tokens = new AccessTokenProvider(() -> fetchToken(clock), clock);
    }

    private static CloseableHttpClient createClient(ConnectionSettings settings) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connectionConfig)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        // waiting for a pooled connection: a call that never got one never left, so it may be repeated
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .build())
                // retries are decided by this component, which knows which calls are safe to repeat
                .disableAutomaticRetries()
                .evictIdleConnections(EVICT_IDLE_AFTER)
                .disableCookieManagement()
                .setUserAgent("camel-halopsa")
                .build();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * Sends a call with the connection's token and returns Halo's successful answer. Waits while the connection's
     * rate limit gate is closed, and repeats the call where {@link RetryingCaller} finds that safe.
     *
     * @throws HaloPsaException for an error answer, with Halo's status and message
     * @throws CamelException   when HaloPSA could not be reached
     */
    public HaloHttpResponse send(HaloRequest request) throws CamelException {
        return send(request, settings.retryPolicy().maxRetries());
    }

    HaloHttpResponse send(HaloRequest request, int maxRetries) throws CamelException {
        // a POST may save a record: only a failure that proves it never left lets it go again
        boolean repeatable = !"POST".equals(request.method());
        AuthorisedAttempt attempt = new AuthorisedAttempt(request);
        RetryingCaller.Outcome outcome = caller.call(request.describe(), repeatable, maxRetries, attempt);
        if (outcome.response().status() == 401) {
            LOG.debug("HaloPSA refused the access token for {}; renewing it and retrying once", request.describe());
            tokens.invalidate(attempt.token);
            outcome = caller.call(request.describe(), repeatable, maxRetries, attempt);
        }
        HaloHttpResponse response = outcome.response();
        if (!response.isSuccess()) {
            throw HaloPsaErrors.forApiCall(request, response, outcome.attempts(), mapper);
        }
        lastAnsweredNanos = System.nanoTime();
        answeredOnce = true;
        return response;
    }

    /** How long ago HaloPSA last answered a call with success, or null if it never has (or a token was refused since). */
    Duration sinceLastSuccess() {
        if (!answeredOnce || tokenRefused && lastTokenRefusalNanos - lastAnsweredNanos > 0) {
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - lastAnsweredNanos);
    }

    /** How long calls on this connection still wait for HaloPSA's rate limit; zero when they need not wait. */
    public Duration rateLimitedFor() {
        return gate.closedFor();
    }

    /** Whether the request budget would let a call leave now. */
    boolean budgetHasRoom() {
        return budget.hasRoom();
    }

    /** An API call with the connection's current token, which it remembers so that a 401 can drop exactly that one. */
    private final class AuthorisedAttempt implements RetryingCaller.Attempt {
        private final HaloRequest request;
        private String token;

        AuthorisedAttempt(HaloRequest request) {
            this.request = request;
        }

        @Override
        public void prepare() throws CamelException {
            token = tokens.token();
        }

        @Override
        public HaloHttpResponse send() throws IOException {
            return execute(request, token);
        }
    }

    private HaloHttpResponse execute(HaloRequest request, String token) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uriOf(request));
        http.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (request.jsonBody() != null) {
            http.setEntity(new ByteArrayEntity(request.jsonBody(), ContentType.APPLICATION_JSON));
        }
        return exchange(http, request.describe());
    }

    private HaloHttpResponse exchange(HttpUriRequestBase http, String call) throws IOException {
        long start = System.nanoTime();
        HaloHttpResponse response = this.http.execute(http, HaloPsaConnection::read);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} -> {} ({} ms)", call, response.status(), (System.nanoTime() - start) / 1_000_000);
        }
        return response;
    }

    private static HaloHttpResponse read(ClassicHttpResponse response) throws IOException {
        byte[] body = ResponseBody.read(response.getEntity());
        return new HaloHttpResponse(response.getCode(), response.getReasonPhrase(), headerValue(response, HttpHeaders.CONTENT_TYPE),
                headerValue(response, "Content-Disposition"), body, headerValue(response, HttpHeaders.RETRY_AFTER));
    }

    private static String headerValue(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private URI uriOf(HaloRequest request) {
        StringBuilder uri = new StringBuilder(settings.apiBase().toString());
        String path = request.path();
        uri.append(path.startsWith("/") ? path : "/" + path);
        if (!request.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            for (Map.Entry<String, String> entry : request.query().entrySet()) {
                query.add(UrlText.encode(entry.getKey()) + "=" + UrlText.encode(entry.getValue()));
            }
            uri.append(query);
        }
        return URI.create(uri.toString());
    }

    private AccessToken fetchToken(Clock clock) throws CamelException {
        List<NameValuePair> form = List.of(
                new BasicNameValuePair("grant_type", "client_credentials"),
                new BasicNameValuePair("client_id", settings.clientId()),
                new BasicNameValuePair("client_secret", settings.clientSecret()),
                new BasicNameValuePair("scope", settings.scope() == null ? "all" : settings.scope()));
        URI tokenUri = tokenEndpoint.uri(this::authInfo);
        String call = "POST " + tokenUri.getPath();
        // asking for a token twice does no harm, so the token request repeats like a GET
        RetryingCaller.Outcome outcome = caller.call(call, true, settings.retryPolicy().maxRetries(), () -> {
            HttpUriRequestBase post = new HttpUriRequestBase("POST", tokenUri);
            post.setHeader(HttpHeaders.ACCEPT, "application/json");
            post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
            return exchange(post, call);
        });
        HaloHttpResponse response = outcome.response();
        if (!response.isSuccess()) {
            throw tokenRefused(HaloPsaErrors.forTokenRequest(settings, tokenUri, tokenEndpoint.origin(), response,
                    outcome.attempts(), mapper));
        }
        JsonNode json;
        try {
            json = mapper.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        JsonNode accessToken = json == null ? null : json.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isEmpty()) {
            // never an excerpt of this body: a half-readable token answer may hold the token itself
            throw tokenRefused(new HaloPsaAuthenticationException("HaloPSA's authorisation server at "
                    + tokenUri + " (" + tokenEndpoint.origin() + ") answered " + response.status()
                    + " without a readable access_token (" + describeBody(response) + "). Check authServer and tenant",
                    response.status(), response.reason(), call, null));
        }
        JsonNode expiresIn = json.get("expires_in");
        Duration lifetime = expiresIn != null && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_TOKEN_LIFETIME;
        LOG.debug("Obtained a HaloPSA access token for {}, valid for {} s", host(), lifetime.toSeconds());
        return AccessToken.issued(accessToken.asText(), lifetime, clock.instant());
    }

    /** Halo's unauthenticated answer naming its authorisation server, asked once where nothing names it. */
    private HaloHttpResponse authInfo() throws CamelException {
        HaloRequest request = HaloRequest.get(TokenEndpoint.AUTH_INFO_PATH, Map.of());
        return caller.call(request.describe(), true, settings.retryPolicy().maxRetries(), () -> {
            HttpUriRequestBase get = new HttpUriRequestBase("GET", uriOf(request));
            get.setHeader(HttpHeaders.ACCEPT, "application/json");
            return exchange(get, request.describe());
        }).response();
    }

    /** The token endpoint and how it was found (configured, discovered, or the default); null before first use. */
    public String tokenEndpoint() {
        URI uri = tokenEndpoint.known();
        return uri == null ? null : uri + " (" + tokenEndpoint.origin() + ")";
    }

    private String describeBody(HaloHttpResponse response) {
        if (!response.hasBody()) {
            return "an empty body";
        }
        if (response.isHtml()) {
            return HaloErrorMessage.of(response, mapper);
        }
        return response.body().length + " bytes of " + (response.contentType() == null ? "unknown content"
                : response.contentType());
    }

    private HaloPsaAuthenticationException tokenRefused(HaloPsaAuthenticationException e) {
        lastTokenRefusalNanos = System.nanoTime();
        tokenRefused = true;
        return e;
    }

    private String host() {
        return settings.apiBase().getHost();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
