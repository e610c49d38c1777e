package io.github.camelhalopsa.component.halopsa;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.CamelException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network faults, server errors and answers that are not what was promised, on GET and POST: a GET (or DELETE, or the
 * token request) is repeated and heals; a POST is repeated only when it provably never reached HaloPSA, so an add never
 * creates twice; whatever does not heal fails the exchange with a message that says what happened.
 */
class FaultToleranceTest extends HaloPsaTestSupport {

    /** Long enough for a loopback answer on a busy CI machine, short enough for the delay cases below. */
    private static final int RESPONSE_TIMEOUT_MILLIS = 1_000;
    private static final String TICKET = "{\"id\":5,\"summary\":\"five\"}";

    @Override
    protected void configureConnection(HaloPsaConfiguration configuration) {
        super.configureConnection(configuration);
        configuration.setRetryBackoff(10);
        configuration.setRateLimitBackoff(10);
        configuration.setMaxBackoff(100);
        configuration.setMaxRetries(2);
        configuration.setResponseTimeout(RESPONSE_TIMEOUT_MILLIS);
        configuration.setConnectTimeout(500);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
                Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
                Arguments.of("random data, then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                Arguments.of("answer later than responseTimeout",
                        json(200, TICKET).withFixedDelay(RESPONSE_TIMEOUT_MILLIS * 3 / 2)),
                Arguments.of("503 from a gateway", json(503, "{\"Message\":\"Service Unavailable\"}")),
                Arguments.of("502 HTML page from a proxy", aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
    }

    @ParameterizedTest(name = "GET after {0}")
    @MethodSource("faults")
    void getIsRepeatedAndHeals(String fault, ResponseDefinitionBuilder answer) {
        stubOnceThen("/api/Tickets/5", answer, json(200, TICKET));

        Map<?, ?> ticket = template.requestBody("halopsa:ticket?operation=get&id=5", (Object) null, Map.class);

        assertThat(ticket.get("summary")).isEqualTo("five");
        halo.verify(2, WireMock.getRequestedFor(urlPathEqualTo("/api/Tickets/5")));
    }

    @ParameterizedTest(name = "DELETE after {0}")
    @MethodSource("faults")
    void deleteIsRepeatedAndHeals(String fault, ResponseDefinitionBuilder answer) {
        stubOnceThen("/api/Tickets/5", answer, json(200, "{\"id\":5}"));

        Exchange result = template.request("halopsa:ticket?operation=delete&id=5", exchange -> {
        });

        assertThat(result.getException()).isNull();
        halo.verify(2, WireMock.deleteRequestedFor(urlPathEqualTo("/api/Tickets/5")));
    }

    @ParameterizedTest(name = "POST after {0}")
    @MethodSource("faults")
    void postThatMayHaveReachedHaloIsNotRepeated(String fault, ResponseDefinitionBuilder answer) {
        stubOnceThen("/api/Tickets", answer, json(201, TICKET));

        Exchange result = template.request("halopsa:ticket?operation=addOrUpdate",
                exchange -> exchange.getIn().setBody(Map.of("summary", "printer jammed")));

        assertThat(result.getException()).isInstanceOf(CamelException.class);
        assertThat(result.getException().getMessage()).contains("POST /Tickets");
        if (!(result.getException() instanceof HaloPsaException)) {
            // a network fault: say that it is not known whether Halo saved it
            assertThat(result.getException().getMessage()).contains("Not repeated", "may have reached HaloPSA");
        }
        halo.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets")));
    }

    @ParameterizedTest(name = "token request after {0}")
    @MethodSource("faults")
    void tokenRequestIsRepeatedAndHeals(String fault, ResponseDefinitionBuilder answer) {
        stubOnceThen(TOKEN_PATH, answer, json(200, "{\"access_token\":\"token-after-a-fault\",\"expires_in\":3600}"));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5")).willReturn(json(200, TICKET)));

        Map<?, ?> ticket = template.requestBody("halopsa:ticket?operation=get&id=5", (Object) null, Map.class);

        assertThat(ticket.get("id")).isEqualTo(5);
        assertThat(tokenRequests()).hasSize(2);
        halo.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/Tickets/5"))
                .withHeader("Authorization", WireMock.equalTo("Bearer token-after-a-fault")));
    }

    @Test
    void getThatNeverHealsFailsAfterTheRetries() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange result = template.request("halopsa:ticket?operation=get&id=5", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(CamelException.class)
                .hasMessageContaining("GET /Tickets/5").hasMessageContaining("gave up after 3 attempts");
        halo.verify(3, WireMock.getRequestedFor(urlPathEqualTo("/api/Tickets/5")));
    }

    @Test
    void authorisationServerThatStaysDownIsNotBlamedOnTheCredentials() {
        halo.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(json(503, "{\"Message\":\"Service Unavailable\"}")));

        Exchange result = template.request("halopsa:ticket?operation=get&id=5", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaAuthenticationException.class)
                .hasMessageContaining("refused a token (503 Service Unavailable)")
                .hasMessageContaining("gave up after 3 attempts")
                .hasMessageNotContaining("Check clientId");
        assertThat(tokenRequests()).hasSize(3);
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void serverErrorThatNeverHealsFailsWithHalosMessage() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5"))
                .willReturn(json(500, "{\"ClassName\":\"System.NullReferenceException\",\"Message\":\"Object reference "
                                      + "not set to an instance of an object.\"}")));

        Exchange result = template.request("halopsa:ticket?operation=get&id=5", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class);
        assertThat(((HaloPsaException) result.getException()).getHttpResponseCode()).isEqualTo(500);
        assertThat(result.getException().getMessage()).contains("500", "GET /Tickets/5", "Object reference not set",
                "Gave up after 3 attempts");
        // counted where it happened, not only in the message
        halo.verify(3, WireMock.getRequestedFor(urlPathEqualTo("/api/Tickets/5")));
    }

    @Test
    void postIsRepeatedWhenItNeverLeft() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exchange result = template.request("halopsa:ticket?operation=addOrUpdate&resourceServer=http://127.0.0.1:"
                                           + closedPort + "&authServer=" + halo.baseUrl() + "/auth",
                exchange -> exchange.getIn().setBody(Map.of("summary", "printer jammed")));

        // connection refused: the POST cannot have reached Halo, so it was tried 3 times. No server can count tries
        // that never connected, so the count is the exception's own field, checked apart from its message
        assertThat(result.getException()).isInstanceOf(HaloPsaUnreachableException.class)
                .isNotInstanceOf(HaloPsaException.class)
                .hasMessageContaining("Could not reach HaloPSA at 127.0.0.1 for POST /Tickets")
                .hasMessageContaining("gave up after 3 attempts")
                .hasMessageNotContaining("Not repeated")
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        HaloPsaUnreachableException unreachable = (HaloPsaUnreachableException) result.getException();
        assertThat(unreachable.getHost()).isEqualTo("127.0.0.1");
        assertThat(unreachable.getCall()).isEqualTo("POST /Tickets");
        assertThat(unreachable.getAttempts()).isEqualTo(3);
        assertThat(unreachable.isMaybeReceived()).isFalse();
    }

    @Test
    void aRouteCanHandleUnreachableHaloApartFromHalosRefusals() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unreachable").routeId("unreachable")
                        .onException(HaloPsaUnreachableException.class).handled(true).setBody(constant("queued for later"))
                        .end()
                        .to("halopsa:ticket?operation=get&id=5&maxRetries=0&resourceServer=http://127.0.0.1:" + closedPort
                            + "&authServer=" + halo.baseUrl() + "/auth");
            }
        });

        assertThat(template.requestBody("direct:unreachable", null, String.class)).isEqualTo("queued for later");
    }

    @Test
    void htmlPageWithStatus200FailsTheGet() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to continue"
                          + "</body></html>")));

        Exchange result = template.request("halopsa:ticket?operation=get&id=5", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("HaloPSA answered 200 to GET /Tickets/5")
                .hasMessageContaining("an HTML page instead of JSON").hasMessageContaining("Sign in to continue");
    }

    @Test
    void truncatedJsonFailsTheList() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client"))
                .willReturn(json(200, "{\"record_count\":2,\"clients\":[{\"id\":1,\"name\":\"Acme\"},{\"id\":2,\"na")));

        Exchange result = template.request("halopsa:client", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("HaloPSA answered 200 to GET /Client with a body that is not valid JSON")
                .hasMessageContaining("{\"id\":2,\"na");
        assertThat(result.getMessage().getBody()).isNull();
    }

    @Test
    void emptyAnswerWhereARecordWasExpectedFailsTheGet() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/5")).willReturn(aResponse().withStatus(200)));

        Exchange result = template.request("halopsa:ticket?operation=get&id=5", exchange -> {
        });

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("HaloPSA answered 200 to GET /Tickets/5 with an empty body where JSON was expected");
    }

    @Test
    void unreadableAnswerToAPostSaysTheRecordMayBeSaved() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(201)));

        Exchange result = template.request("halopsa:ticket?operation=addOrUpdate",
                exchange -> exchange.getIn().setBody(Map.of("summary", "printer jammed")));

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("201").hasMessageContaining("empty body")
                .hasMessageContaining("HaloPSA may have saved the record(s)");
        halo.verify(1, WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets")));
    }
}
