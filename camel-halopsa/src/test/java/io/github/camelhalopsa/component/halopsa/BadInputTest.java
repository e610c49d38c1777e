package io.github.camelhalopsa.component.halopsa;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input fails early, with a message that names the option, header or field and says what is valid, and that never
 * shows the client secret. What can be checked from the URI and the component's settings fails when the endpoint is
 * created; what depends on the message fails the exchange before anything is sent to HaloPSA.
 */
class BadInputTest extends HaloPsaTestSupport {

    /** A component setting, an endpoint URI, and what the error must say. */
    static Stream<Arguments> atEndpointCreation() {
        return Stream.of(
                row("unknown entity", none(), "halopsa:tickets",
                        "Unknown HaloPSA entity 'tickets'", "Valid entities: action, agent"),
                row("unknown operation", none(), "halopsa:ticket?operation=fetch",
                        "Unknown HaloPSA operation 'fetch' in the option operation",
                        "Valid operations: list, get, addOrUpdate, delete, preview, request"),
                row("operation the entity lacks", none(), "halopsa:ticket?operation=preview",
                        "The operation preview is not available for halopsa:ticket", "Valid operations: list, get"),
                row("operation of the api entity", none(), "halopsa:api?operation=list",
                        "The operation list is not available for halopsa:api", "Valid operations: request"),
                row("pageSize over 100", none(), "halopsa:ticket?pageSize=101",
                        "Invalid pageSize 101", "1 to 100"),
                row("pageSize 0", none(), "halopsa:ticket?pageSize=0", "Invalid pageSize 0", "1 to 100"),
                row("pageSize not a number", none(), "halopsa:ticket?pageSize=lots",
                        "Error binding property (pageSize=lots) with name: pageSize", "to the required type: int"),
                row("pageNo 0", none(), "halopsa:ticket?pageNo=0", "Invalid pageNo 0", "numbers pages from 1"),
                row("negative maxResults", none(), "halopsa:ticket?maxResults=-1", "Invalid maxResults -1",
                        "0 for all records"),
                row("method PUT", none(), "halopsa:api?method=PUT&path=/Agent/me", "Invalid method 'PUT'",
                        "GET, POST and DELETE only"),
                row("clientId missing", c -> c.setClientId(null), "halopsa:ticket",
                        "The HaloPSA option clientId is not set", "camel.component.halopsa.client-id"),
                row("clientSecret missing", c -> c.setClientSecret(" "), "halopsa:ticket",
                        "The HaloPSA option clientSecret is not set", "camel.component.halopsa.client-secret"),
                row("resourceServer missing", c -> c.setResourceServer(null), "halopsa:ticket",
                        "The HaloPSA option resourceServer is not set", "camel.component.halopsa.resource-server"),
                row("resourceServer with another scheme", none(), "halopsa:ticket?resourceServer=ftp://example.halopsa.com",
                        "Invalid HaloPSA resourceServer 'ftp://example.halopsa.com'", "only http:// and https://"),
                row("resourceServer without a host", none(), "halopsa:ticket?resourceServer=https://",
                        "Invalid HaloPSA resourceServer 'https://'", "example.halopsa.com"),
                row("resourceServer with a space", c -> c.setResourceServer("example .halopsa.com"), "halopsa:ticket",
                        "Invalid HaloPSA resourceServer 'example .halopsa.com'", "example.halopsa.com"),
                row("resourceServer with a query", c -> c.setResourceServer("https://example.halopsa.com/api?tenant=x"),
                        "halopsa:ticket", "Invalid HaloPSA resourceServer", "a query or fragment is not allowed"),
                row("authServer that cannot be parsed", c -> c.setAuthServer("https://auth host/auth"), "halopsa:ticket",
                        "Invalid HaloPSA authServer 'https://auth host/auth'", "https://example.halopsa.com/auth"),
                row("maxRetries below 0", none(), "halopsa:ticket?maxRetries=-1",
                        "Invalid HaloPSA option maxRetries (camel.component.halopsa.max-retries) -1", "0 or more"),
                row("connectTimeout 0", none(), "halopsa:ticket?connectTimeout=0",
                        "Invalid HaloPSA option connectTimeout (camel.component.halopsa.connect-timeout) 0", "1 or more"),
                row("responseTimeout below 0", c -> c.setResponseTimeout(-5), "halopsa:ticket",
                        "Invalid HaloPSA option responseTimeout", "1 or more"),
                row("rateLimit below 0", none(), "halopsa:ticket?rateLimit=-300",
                        "Invalid HaloPSA option rateLimit (camel.component.halopsa.rate-limit) -300", "0 turns"),
                row("rateLimitPeriod 0", none(), "halopsa:ticket?rateLimit=300&rateLimitPeriod=0",
                        "Invalid HaloPSA option rateLimitPeriod", "1 or more"),
                row("maxBackoff under rateLimitBackoff", none(), "halopsa:ticket?maxBackoff=5s",
                        "Invalid HaloPSA option maxBackoff (camel.component.halopsa.max-backoff) 5000",
                        "no less than retryBackoff and rateLimitBackoff"),
                row("rateLimitBackoff not a duration", none(), "halopsa:ticket?rateLimitBackoff=soon",
                        "Invalid rateLimitBackoff 'soon'", "such as 30s, 5m"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atEndpointCreation")
    void failsAtEndpointCreation(String name, Consumer<HaloPsaConfiguration> setting, String uri, List<String> expected) {
        setting.accept(context.getComponent("halopsa", HaloPsaComponent.class).getConfiguration());

        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> {
                    String messages = messages(e);
                    assertThat(messages).contains(expected).doesNotContain(CLIENT_SECRET);
                });
        assertThat(apiRequests()).isEmpty();
    }

    /** An endpoint URI, the message's headers and body, and what the error must say. */
    static Stream<Arguments> atExchange() {
        return Stream.of(
                exchangeRow("get without id", "halopsa:ticket?operation=get", Map.of(), null,
                        "get on halopsa:ticket needs the record's id", "id option or the CamelHaloPsaId header"),
                exchangeRow("delete without id", "halopsa:client?operation=delete", Map.of(), null,
                        "delete on halopsa:client needs the record's id"),
                exchangeRow("action get without ticketId", "halopsa:action?operation=get&id=3", Map.of(), null,
                        "needs the ticket's id", "ticketId option or the CamelHaloPsaTicketId header"),
                exchangeRow("action add without ticket_id", "halopsa:action?operation=addOrUpdate", Map.of(),
                        Map.of("note", "called the user"), "needs ticket_id in every record", "ticketId option"),
                exchangeRow("unknown operation header", "halopsa:ticket", Map.of(HaloPsaConstants.OPERATION, "fetch"), null,
                        "Unknown HaloPSA operation 'fetch' in the header CamelHaloPsaOperation",
                        "Valid operations: list, get, addOrUpdate, delete, preview, request"),
                exchangeRow("operation header the entity lacks", "halopsa:ticket",
                        Map.of(HaloPsaConstants.OPERATION, "preview"), null,
                        "The operation preview is not available for halopsa:ticket"),
                exchangeRow("body that is not JSON", "halopsa:ticket?operation=addOrUpdate", Map.of(),
                        "{\"summary\": \"printer", "addOrUpdate on halopsa:ticket got a body that is not valid JSON"),
                exchangeRow("body that is a number", "halopsa:ticket?operation=addOrUpdate", Map.of(), 42,
                        "addOrUpdate on halopsa:ticket needs records (JSON objects)", "the value '42'"),
                exchangeRow("body Jackson cannot write", "halopsa:ticket?operation=addOrUpdate", Map.of(), new Object(),
                        "addOrUpdate on halopsa:ticket could not turn a java.lang.Object into a JSON record"),
                exchangeRow("no body", "halopsa:ticket?operation=addOrUpdate", Map.of(), null,
                        "addOrUpdate on halopsa:ticket needs a message body"),
                exchangeRow("empty list", "halopsa:ticket?operation=addOrUpdate", Map.of(), List.of(),
                        "got an empty list: there is no record to send"),
                exchangeRow("query header that is not a map", "halopsa:ticket", Map.of(HaloPsaConstants.QUERY, "open_only=true"),
                        null, "The header CamelHaloPsaQuery must be a Map"),
                exchangeRow("method header PATCH", "halopsa:api?path=/Agent/me", Map.of(HaloPsaConstants.METHOD, "PATCH"),
                        null, "Invalid CamelHaloPsaMethod 'PATCH'", "no PUT or PATCH"),
                exchangeRow("api request without path", "halopsa:api", Map.of(), null,
                        "request on halopsa:api needs a path under /api", "CamelHaloPsaPath header"),
                exchangeRow("preview without report or SQL", "halopsa:report?operation=preview", Map.of(), null,
                        "preview on halopsa:report needs a saved report's id", "sql option"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("atExchange")
    void failsTheExchangeBeforeCallingHalo(String name, String uri, Map<String, Object> headers, Object body,
                                           List<String> expected) {
        Exchange result = template.request(uri, exchange -> {
            exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
            exchange.getIn().setBody(body);
        });

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(messages(result.getException())).contains(expected).doesNotContain(CLIENT_SECRET);
        assertThat(apiRequests()).as("nothing was sent to HaloPSA").isEmpty();
    }

    private static Arguments row(String name, Consumer<HaloPsaConfiguration> setting, String uri, String... expected) {
        return Arguments.of(name, setting, uri, List.of(expected));
    }

    private static Arguments exchangeRow(String name, String uri, Map<String, Object> headers, Object body,
                                         String... expected) {
        return Arguments.of(name, uri, headers, body, List.of(expected));
    }

    private static Consumer<HaloPsaConfiguration> none() {
        return configuration -> {
        };
    }

    /** The messages of an exception and its causes: Camel wraps the component's own error. */
    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
