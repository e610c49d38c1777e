package io.github.camelhalopsa.component.halopsa;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnectionHealthCheck;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Neither the client secret nor any token HaloPSA issued appears in logs (the component and Camel at DEBUG),
 * exception messages, health check results, {@code toString()} or endpoint URIs as Camel prints them.
 * <p>
 * Runs in a surefire execution of its own, after the rest of the suite (see the pom): its JVM logs to a file, so
 * it runs the scenarios that touch secrets (tokens issued, renewed and refused, an authorisation server that echoes
 * the form, a half-readable token answer, 429s, faults, failed routes, bad URIs with RAW() secrets) and then reads
 * its own log. It also reads the output of every other test class of the suite, which ran with the component at
 * DEBUG.
 */
class SecretsNotLoggedTest extends HaloPsaTestSupport {

    /** The test's own log: slf4j-simple writes there when the execution sets this property. */
    private static final String LOG_FILE = System.getProperty("org.slf4j.simpleLogger.logFile");
    private static final String SUITE_REPORTS = System.getProperty("halopsa.surefireReports");

    /** Tokens of the default stub and of the tests that issue their own: token-..., tok-... */
    private static final Pattern ISSUED_TOKEN = Pattern.compile("\\b(token|tok)-[A-Za-z0-9-]{4,}");
    private static final Pattern LOG_LINE = Pattern.compile("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - ");
    /** The loopback servers' own output: WireMock may print the requests it got, Authorization header included. */
    private static final Pattern SERVER_LOGGER = Pattern.compile("^(org\\.eclipse\\.jetty|com\\.github\\.tomakehurst|wiremock)",
            Pattern.CASE_INSENSITIVE);

    private final List<String> shown = new ArrayList<>();

    /** It runs in a JVM of its own, where loading Halo's spec costs seconds, and sends no request the suite lacks. */
    @Override
    protected boolean checksRequestsAgainstSpec() {
        return false;
    }

    @Override
    protected void configureConnection(HaloPsaConfiguration configuration) {
        super.configureConnection(configuration);
        configuration.setRetryBackoff(5);
        configuration.setRateLimitBackoff(50);
        configuration.setMaxBackoff(200);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Camel logs routes, endpoints and failed exchanges with the endpoint URI, secret and all
                from("direct:ticket").routeId("tickets")
                        .to("halopsa:ticket?operation=get&clientSecret=RAW(" + CLIENT_SECRET + ")");
            }
        };
    }

    @Test
    void noSecretOrTokenInLogsMessagesOrUris() throws IOException {
        assumeTrue(LOG_FILE != null, "runs in the secrets-not-logged surefire execution, which logs to a file");
        runScenarios();

        List<String> leaks = new ArrayList<>();
        shown.forEach(text -> leaks.addAll(leaks("shown", text)));
        String log = Files.readString(Path.of(LOG_FILE));
        assertThat(log).as("the scenarios logged at DEBUG").contains(" DEBUG io.github.camelhalopsa.component.halopsa");
        leaks.addAll(leaks(LOG_FILE, log));
        int files = 0;
        int filesWithComponentDebug = 0;
        if (SUITE_REPORTS != null && Files.isDirectory(Path.of(SUITE_REPORTS))) {
            try (Stream<Path> outputs = Files.list(Path.of(SUITE_REPORTS))) {
                for (Path output : outputs.filter(SecretsNotLoggedTest::isOtherTestsOutput).toList()) {
                    String text = withoutServerOutput(Files.readString(output));
                    leaks.addAll(leaks(output.getFileName().toString(), text));
                    files++;
                    if (text.contains(" DEBUG io.github.camelhalopsa.component.halopsa")) {
                        filesWithComponentDebug++;
                    }
                }
            }
        }
        System.out.println("Scanned " + shown.size() + " messages, " + log.lines().count() + " log lines and the output "
                           + "of " + files + " other test classes (" + filesWithComponentDebug + " with the component's "
                           + "DEBUG lines)");
        // a scan of nothing proves nothing: the suite's output must have been there, logged at DEBUG
        assertThat(filesWithComponentDebug).as("other test classes whose output (in " + SUITE_REPORTS + ") holds the "
                                              + "component's DEBUG lines; run the whole suite with mvn verify")
                .isPositive();

        assertThat(leaks).isEmpty();
    }

    private static boolean isOtherTestsOutput(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith("-output.txt") && !name.contains(SecretsNotLoggedTest.class.getSimpleName());
    }

    private void runScenarios() {
        // a token issued and used; then refused by the API (401): renewed and the call repeated
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("tenant", WireMock.equalTo("acme"))
                .inScenario("tokens").whenScenarioStateIs("Started")
                .willReturn(json(200, "{\"access_token\":\"tok-first-8f2c1a\",\"expires_in\":3600}"))
                .willSetStateTo("renewed"));
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("tenant", WireMock.equalTo("acme"))
                .inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(json(200, "{\"access_token\":\"tok-second-77d0e4\",\"expires_in\":3600}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1"))
                .withHeader("Authorization", WireMock.equalTo("Bearer tok-first-8f2c1a"))
                .willReturn(json(401, "{\"Message\":\"Authorization has been denied for this request.\"}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1"))
                .withHeader("Authorization", WireMock.equalTo("Bearer tok-second-77d0e4"))
                .willReturn(json(200, "{\"id\":1}")));
        show(template.request("direct:ticket", e -> e.getIn().setHeader(HaloPsaConstants.ID, 1)));

        // 429, 503 and a reset, each healed; then a failure that Camel's error handler logs with the route's URI
        stubOnceThen("/api/Tickets/2", json(429, "{\"Message\":\"Rate Limit Reached\"}"), json(200, "{\"id\":2}"));
        stubOnceThen("/api/Tickets/3", json(503, "{}"), json(200, "{\"id\":3}"));
        stubOnceThen("/api/Tickets/4", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(200, "{\"id\":4}"));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5")).willReturn(json(404, "{\"Message\":\"No ticket\"}")));
        for (int id = 2; id <= 5; id++) {
            int ticket = id;
            show(template.request("direct:ticket", e -> e.getIn().setHeader(HaloPsaConstants.ID, ticket)));
        }

        // the authorisation server refuses, echoes the form it got, or answers half a token
        String fast = "&retryBackoff=1&rateLimitBackoff=1&maxRetries=1";
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("tenant", WireMock.equalTo("refused"))
                .willReturn(json(401, "{\"error\":\"invalid_client\"}")));
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("tenant", WireMock.equalTo("echo"))
                .willReturn(aResponse().withStatus(400).withBody("Bad request: client_secret="
                        + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8) + " / " + CLIENT_SECRET)));
        halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withQueryParam("tenant", WireMock.equalTo("half"))
                .willReturn(json(200, "{\"access_token\":\"tok-half-5b9e02\",\"expires_in\":36")));
        for (String tenant : List.of("refused", "echo", "half")) {
            show(template.request("halopsa:client?tenant=" + tenant + fast, e -> {
            }));
        }

        // the health check of a connection whose token is refused
        Endpoint refused = context.getEndpoint("halopsa:client?tenant=refused" + fast);
        shown.add(refused.toString());
        HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                check -> !(check instanceof HaloPsaConnectionHealthCheck), "full")
                .forEach(result -> {
                    shown.add(String.valueOf(result.getMessage().orElse(null)));
                    shown.add(String.valueOf(result.getDetails()));
                    result.getError().ifPresent(this::showMessages);
                });

        // URIs with the secret written out: endpoints as Camel prints them, and errors that quote the URI
        shown.add(context.getEndpoint("halopsa:ticket?clientSecret=RAW(" + CLIENT_SECRET + ")").toString());
        for (String bad : List.of("halopsa:tickets?clientSecret=RAW(" + CLIENT_SECRET + ")",
                "halopsa:ticket?pageSize=500&clientSecret=RAW(" + CLIENT_SECRET + ")",
                "halopsa:ticket?operation=fetch&clientSecret=RAW(" + CLIENT_SECRET + ")")) {
            try {
                context.getEndpoint(bad);
            } catch (RuntimeException e) {
                showMessages(e);
            }
        }
        context.getEndpoints().forEach(endpoint -> shown.add(endpoint.toString()));
    }

    private void show(Exchange exchange) {
        if (exchange.getException() != null) {
            showMessages(exchange.getException());
        }
        shown.add(String.valueOf(exchange.getMessage().getBody()));
    }

    private void showMessages(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            shown.add(t.toString());
        }
    }

    private static List<String> leaks(String where, String text) {
        List<String> found = new ArrayList<>();
        for (String secret : List.of(CLIENT_SECRET, URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8))) {
            if (text.contains(secret)) {
                found.add(where + ": the client secret in " + lineWith(text, secret));
            }
        }
        Matcher token = ISSUED_TOKEN.matcher(text);
        while (token.find()) {
            found.add(where + ": the token " + token.group() + " in " + lineWith(text, token.group()));
        }
        return found;
    }

    private static String lineWith(String text, String needle) {
        return text.lines().filter(line -> line.contains(needle)).findFirst().orElse(needle);
    }

    /** Drops what the loopback servers logged: a log line of theirs and the lines that continue it. */
    static String withoutServerOutput(String output) {
        StringBuilder kept = new StringBuilder();
        boolean server = false;
        for (String line : output.split("\n", -1)) {
            Matcher header = LOG_LINE.matcher(line);
            if (header.find()) {
                server = SERVER_LOGGER.matcher(header.group(2)).find();
            }
            if (!server) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
