package io.github.camelhalopsa.component.halopsa;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import io.github.camelhalopsa.component.halopsa.consumer.PollFailureLog;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.consume;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.healthOf;
import static io.github.camelhalopsa.component.halopsa.NewTicketConsumerTest.poll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll that fails (HaloPSA error, rate limit, network, refused credentials) is logged once at WARN with its reason,
 * counted by Camel's consumer health check, and the next poll picks up where the last good one left off.
 */
class NewTicketPollFailureTest extends HaloPsaTestSupport {

    enum Failure {
        SERVER_ERROR("500", "Object reference not set to an instance of an object"),
        RATE_LIMIT("429", "Rate Limit Reached - 300 Requests per rolling 5 minute window"),
        CONNECTION_RESET("did not answer GET /Tickets completely", "SocketException"),
        CREDENTIALS_REFUSED("refused a token (401 invalid_client)", "Check clientId, clientSecret");

        final String[] logged;

        Failure(String... logged) {
            this.logged = logged;
        }
    }

    private final List<Long> delivered = new CopyOnWriteArrayList<>();
    private FakeTicketList tickets;

    /** Each injected failure is the poll's own: no retries heal it, and the 429 gate reopens at once. */
    @Override
    protected void configureConnection(HaloPsaConfiguration configuration) {
        super.configureConnection(configuration);
        configuration.setMaxRetries(0);
        configuration.setRetryBackoff(10);
        configuration.setRateLimitBackoff(10);
    }

    @BeforeEach
    void ticketList() {
        tickets = new FakeTicketList().install(halo);
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void aFailedPollIsLoggedOnceCountedInHealthAndLosesNothing(Failure failure) throws Exception {
        tickets.create(2);
        TriggerConsumer consumer = route("");
        poll(consumer);
        tickets.create(2);
        StubMapping refusal = inject(failure);

        String log = CapturedLog.of(() -> poll(consumer));

        assertThat(delivered).isEmpty();
        // the connection's 429 gate warns of its own pause; the poll itself is reported once
        List<String> warnings = Arrays.stream(log.split("\\R"))
                .filter(line -> line.contains("WARN " + PollFailureLog.class.getName())).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("Polling HaloPSA for the New Ticket Record trigger failed")
                .contains("starts again after ticket 2").contains(failure.logged);
        // the stack trace belongs to the DEBUG line after the warning, never to the warning itself
        int trace = log.indexOf("Stack trace of the failed poll");
        assertThat(trace < 0 ? log : log.substring(0, trace)).doesNotContain("\tat ");
        assertThat(log).doesNotContain(CLIENT_SECRET);
        assertThat(consumer.getErrorCounter()).isEqualTo(1);
        HealthCheck.Result health = healthOf(consumer);
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        if (failure == Failure.RATE_LIMIT) {
            assertThat(health.getDetails()).containsEntry("http.response.code", 429);
        }

        if (refusal != null) {
            halo.removeStub(refusal);
        }
        String recovery = CapturedLog.of(() -> poll(consumer));

        assertThat(delivered).containsExactly(3L, 4L);
        assertThat(consumer.getErrorCounter()).isZero();
        assertThat(healthOf(consumer).getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(recovery).contains("works again after 1 failed poll");
    }

    @Test
    void bridgeErrorHandlerHandsPollFailuresToTheRoute() throws Exception {
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> handled.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
                from("halopsa:ticket?startScheduler=false&since=beginning&bridgeErrorHandler=true").routeId("bridged")
                        .to("mock:tickets");
            }
        });
        tickets.failNext(503, "{\"message\":\"Service Unavailable\"}");

        poll((TriggerConsumer) context.getRoute("bridged").getConsumer());

        assertThat(handled).singleElement().extracting(Throwable::getMessage).asString().contains("503");
    }

    private StubMapping inject(Failure failure) {
        switch (failure) {
            case SERVER_ERROR -> tickets.failNext(500, "{\"Message\":\"Object reference not set to an instance of an object\"}");
            case RATE_LIMIT -> tickets.failNext(429, "\"Rate Limit Reached - 300 Requests per rolling 5 minute window\"");
            case CONNECTION_RESET -> tickets.resetNext();
            case CREDENTIALS_REFUSED -> {
                tickets.failNext(401, "");
                return halo.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                        .willReturn(json(401, "{\"error\":\"invalid_client\"}")));
            }
            default -> throw new IllegalArgumentException(failure.name());
        }
        return null;
    }

    private TriggerConsumer route(String options) throws Exception {
        return consume(context, "halopsa:ticket?startScheduler=false" + options, "tickets",
                e -> delivered.add(Long.valueOf(e.getIn().getHeader(HaloPsaConstants.ID, String.class))));
    }
}
