package io.github.camelhalopsa.component.halopsa;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The option requestLimiter: an application's own limiter (one shared by replicas, say) decides when each request
 * leaves, in place of the connection's rolling window.
 */
class RequestLimiterTest extends HaloPsaTestSupport {

    /** Counts the requests it lets go; holds them all until opened, when built closed. */
    static final class CountingLimiter implements HaloPsaRequestLimiter {
        final AtomicInteger acquired = new AtomicInteger();
        final CountDownLatch open;
        final CountDownLatch waiting = new CountDownLatch(1);

        CountingLimiter(boolean open) {
            this.open = new CountDownLatch(open ? 0 : 1);
        }

        @Override
        public void acquire() throws InterruptedException {
            waiting.countDown();
            open.await();
            acquired.incrementAndGet();
        }
    }

    private final CountingLimiter counting = new CountingLimiter(true);

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("counting", counting);
        registry.bind("other", new CountingLimiter(true));
    }

    @Test
    void theLimiterIsAskedOnceForEveryRequestTokenRequestIncluded() {
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/5")).willReturn(okJson("{\"id\":5}")));

        template.requestBody("halopsa:ticket?operation=get&id=5&requestLimiter=#counting", (Object) null, Map.class);
        template.requestBody("halopsa:ticket?operation=get&id=5&requestLimiter=#bean:counting", (Object) null, Map.class);

        assertThat(tokenRequests()).hasSize(1);
        assertThat(apiRequests()).hasSize(2);
        assertThat(counting.acquired).hasValue(3);
    }

    @Test
    void noRequestLeavesWhileTheLimiterHoldsIt() throws Exception {
        halo.stubFor(get(urlPathEqualTo("/api/Tickets/6")).willReturn(okJson("{\"id\":6}")));
        CountingLimiter closed = new CountingLimiter(false);
        context.getRegistry().bind("closed", closed);

        CompletableFuture<Map> answer = template.asyncRequestBody(
                "halopsa:ticket?operation=get&id=6&requestLimiter=#closed", null, Map.class);
        assertThat(closed.waiting.await(10, TimeUnit.SECONDS)).as("the call waits at the limiter").isTrue();
        assertThat(tokenRequests()).isEmpty();
        assertThat(apiRequests()).isEmpty();

        closed.open.countDown();
        assertThat(answer.get(10, TimeUnit.SECONDS)).containsEntry("id", 6);
        assertThat(closed.acquired).hasValue(2);
    }

    @Test
    void endpointsWithTheSameLimiterShareAConnectionAndADifferentLimiterGetsItsOwn() {
        HaloPsaEndpoint first = context.getEndpoint("halopsa:ticket?requestLimiter=#counting", HaloPsaEndpoint.class);
        HaloPsaEndpoint second = context.getEndpoint("halopsa:client?requestLimiter=#bean:counting",
                HaloPsaEndpoint.class);
        HaloPsaEndpoint other = context.getEndpoint("halopsa:ticket?requestLimiter=#other", HaloPsaEndpoint.class);
        HaloPsaEndpoint none = context.getEndpoint("halopsa:agent", HaloPsaEndpoint.class);

        assertThat(second.getConnection()).isSameAs(first.getConnection());
        assertThat(other.getConnection()).isNotSameAs(first.getConnection());
        assertThat(none.getConnection()).isNotSameAs(first.getConnection()).isNotSameAs(other.getConnection());
    }

    @Test
    void aReferenceToNoBeanNamesTheOptionAndTheBean() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?requestLimiter=#bean:sharedBudget"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains("requestLimiter").contains("sharedBudget"));
    }

    @Test
    void aBeanOfAnotherTypeIsRefused() {
        context.getRegistry().bind("notALimiter", "a string");

        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?requestLimiter=#notALimiter"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(fullMessage(e)).contains("requestLimiter")
                        .contains(HaloPsaRequestLimiter.class.getName()));
    }

    @Test
    void rateLimitBesideARequestLimiterIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?rateLimit=100&requestLimiter=#counting"))
                .hasStackTraceContaining("rateLimit")
                .hasStackTraceContaining("requestLimiter replaces rateLimit");
    }

    private static String fullMessage(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
