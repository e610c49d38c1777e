package io.github.camelhalopsa.component.halopsa.connection;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
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
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HaloPSA connection: a pooled Apache HttpClient 5 and the OAuth2 client-credentials token that every endpoint
 * with the same {@link ConnectionSettings} shares. Calls carry the bearer token; a 401 renews the token once and
 * retries the call once.
 */
public class HaloPsaConnection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HaloPsaConnection.class);
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final int MAX_CONNECTIONS = 20;

    private final ConnectionSettings settings;
    private final ObjectMapper mapper;
    private final CloseableHttpClient http;
    private final AccessTokenProvider tokens;

    public HaloPsaConnection(ConnectionSettings settings, ObjectMapper mapper) {
        this(settings, mapper, Clock.systemUTC());
    }

    HaloPsaConnection(ConnectionSettings settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.http = createClient(settings);
        this.tokens = new AccessTokenProvider(() -> fetchToken(clock), clock);
    }

    private static CloseableHttpClient createClient(ConnectionSettings settings) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(connectionConfig)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                // retries are decided by this component, which knows which calls are safe to repeat
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("camel-halopsa")
                .build();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * Sends a call with the connection's token and returns Halo's successful answer.
     *
     * @throws HaloPsaException for an error answer, with Halo's status and message
     * @throws CamelException   when HaloPSA could not be reached
     */
    public HaloHttpResponse send(HaloRequest request) throws CamelException {
        String token = tokens.token();
        HaloHttpResponse response = execute(request, token);
        if (response.status() == 401) {
            LOG.debug("HaloPSA refused the access token for {}; renewing it and retrying once", request.describe());
            tokens.invalidate(token);
            response = execute(request, tokens.token());
        }
        if (!response.isSuccess()) {
            throw HaloPsaErrors.forApiCall(request, response, mapper);
        }
        return response;
    }

    private HaloHttpResponse execute(HaloRequest request, String token) throws CamelException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uriOf(request));
        http.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        http.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (request.jsonBody() != null) {
            http.setEntity(new ByteArrayEntity(request.jsonBody(), ContentType.APPLICATION_JSON));
        }
        return exchange(http, request.describe());
    }

    private HaloHttpResponse exchange(HttpUriRequestBase http, String call) throws CamelException {
        long start = System.nanoTime();
        try {
            HaloHttpResponse response = this.http.execute(http, HaloPsaConnection::read);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} ({} ms)", call, response.status(), (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            throw new CamelException("Could not reach HaloPSA at " + settings.apiBase().getHost() + " for " + call
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private static HaloHttpResponse read(ClassicHttpResponse response) throws IOException {
        byte[] body = ResponseBody.read(response.getEntity());
        return new HaloHttpResponse(response.getCode(), response.getReasonPhrase(), headerValue(response, HttpHeaders.CONTENT_TYPE),
                headerValue(response, "Content-Disposition"), body);
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
                query.add(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            }
            uri.append(query);
        }
        return URI.create(uri.toString());
    }

    private AccessToken fetchToken(Clock clock) throws CamelException {
        HttpUriRequestBase post = new HttpUriRequestBase("POST", settings.tokenUri());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        List<NameValuePair> form = List.of(
                new BasicNameValuePair("grant_type", "client_credentials"),
                new BasicNameValuePair("client_id", settings.clientId()),
                new BasicNameValuePair("client_secret", settings.clientSecret()),
                new BasicNameValuePair("scope", settings.scope() == null ? "all" : settings.scope()));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        String call = "POST " + settings.tokenUri().getPath();
        HaloHttpResponse response = exchange(post, call);
        if (!response.isSuccess()) {
            throw HaloPsaErrors.forTokenRequest(settings, response, mapper);
        }
        try {
            JsonNode json = mapper.readTree(response.body());
            JsonNode accessToken = json == null ? null : json.get("access_token");
            if (accessToken == null || accessToken.asText().isEmpty()) {
                throw new HaloPsaAuthenticationException("HaloPSA's authorisation server at " + settings.tokenUri()
                        + " answered without an access_token", response.status(), response.reason(), call, null);
            }
            JsonNode expiresIn = json.get("expires_in");
            Duration lifetime = expiresIn != null && expiresIn.asLong() > 0
                    ? Duration.ofSeconds(expiresIn.asLong()) : DEFAULT_TOKEN_LIFETIME;
            LOG.debug("Obtained a HaloPSA access token for {}, valid for {} s", settings.apiBase().getHost(),
                    lifetime.toSeconds());
            return AccessToken.issued(accessToken.asText(), lifetime, clock.instant());
        } catch (IOException e) {
            throw new HaloPsaAuthenticationException("HaloPSA's authorisation server at " + settings.tokenUri()
                    + " answered with something that is not a token: "
                    + HaloErrorMessage.of(response, mapper), response.status(), response.reason(), call, null);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
