package io.github.camelhalopsa.component.halopsa.connection;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.camelhalopsa.component.halopsa.HaloPsaUnreachableException;
import org.apache.camel.CamelException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry rules call by call, with scripted failures that a loopback server cannot stage on demand: a POST that
 * never left (refused, connect timeout, no pooled connection) is sent again and heals; one that may have reached
 * HaloPSA is not.
 */
class RetryingCallerTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofMillis(10));
    private static final HaloHttpResponse CREATED = new HaloHttpResponse(201, "Created", "application/json", null,
            "{\"id\":1}".getBytes());

    private final RetryingCaller caller = new RetryingCaller(FAST, new RateLimitGate(FAST, "example.halopsa.com"),
            RollingWindowLimiter.of(0, Duration.ZERO), "example.halopsa.com", Clock.systemUTC());

    @Test
    void postThatNeverLeftIsSentAgainAndHeals() throws Exception {
        for (IOException neverSent : List.of(new HttpHostConnectException("Connection refused"),
                new ConnectTimeoutException("Connect timed out"),
                new ConnectionRequestTimeoutException("Timeout waiting for a pooled connection"))) {
            Script script = new Script(neverSent, CREATED);

            RetryingCaller.Outcome outcome = caller.call("POST /Tickets", false, 3, script);

            assertThat(outcome.response().status()).as(neverSent.toString()).isEqualTo(201);
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(script.sent).isEqualTo(2);
        }
    }

    @Test
    void postThatMayHaveReachedHaloIsSentOnce() {
        for (IOException mayHaveArrived : List.of(new SocketTimeoutException("Read timed out"),
                new NoHttpResponseException("example.halopsa.com failed to respond"),
                new java.net.SocketException("Connection reset"))) {
            Script script = new Script(mayHaveArrived, CREATED);

            assertThatThrownBy(() -> caller.call("POST /Tickets", false, 3, script))
                    .isInstanceOf(HaloPsaUnreachableException.class)
                    .hasCause(mayHaveArrived)
                    .matches(e -> ((HaloPsaUnreachableException) e).isMaybeReceived(), "may have been received")
                    .hasMessageContaining("HaloPSA at example.halopsa.com did not answer POST /Tickets completely")
                    .hasMessageContaining("Not repeated");
            assertThat(script.sent).as(mayHaveArrived.toString()).isEqualTo(1);
        }
    }

    @Test
    void getIsSentAgainAfterAnyNetworkFault() throws Exception {
        Script script = new Script(new SocketTimeoutException("Read timed out"),
                new NoHttpResponseException("no response"), CREATED);

        RetryingCaller.Outcome outcome = caller.call("GET /Tickets/1", true, 3, script);

        assertThat(outcome.response().status()).isEqualTo(201);
        assertThat(script.sent).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxRetries() {
        Script script = new Script(new HttpHostConnectException("Connection refused"),
                new HttpHostConnectException("Connection refused"), new HttpHostConnectException("Connection refused"),
                new HttpHostConnectException("Connection refused"), CREATED);

        assertThatThrownBy(() -> caller.call("GET /Tickets/1", true, 3, script))
                .isInstanceOf(CamelException.class)
                .hasMessageContaining("Could not reach HaloPSA at example.halopsa.com for GET /Tickets/1")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(script.sent).isEqualTo(4);
    }

    @Test
    void serverErrorIsRepeatedForGetButNotForPost() throws Exception {
        HaloHttpResponse unavailable = new HaloHttpResponse(503, "Service Unavailable", null, null, new byte[0]);

        Script get = new Script(unavailable, CREATED);
        assertThat(caller.call("GET /Tickets/1", true, 3, get).response().status()).isEqualTo(201);
        assertThat(get.sent).isEqualTo(2);

        Script post = new Script(unavailable, CREATED);
        assertThat(caller.call("POST /Tickets", false, 3, post).response().status()).isEqualTo(503);
        assertThat(post.sent).isEqualTo(1);
    }

    /** Answers or throws the scripted results in turn. */
    private static final class Script implements RetryingCaller.Attempt {
        private final Deque<Object> results;
        int sent;

        Script(Object... results) {
            this.results = new ArrayDeque<>(List.of(results));
        }

        @Override
        public HaloHttpResponse send() throws IOException {
            sent++;
            Object next = results.size() > 1 ? results.poll() : results.peek();
            if (next instanceof IOException failure) {
                throw failure;
            }
            return (HaloHttpResponse) next;
        }
    }
}
