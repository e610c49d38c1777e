package io.github.camelhalopsa.sandbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Halo-hosted rate limiting: a rolling window of requests, then 429 with Halo's message. */
class RateLimitTest {

    @Test
    void defaultBudgetIs300RequestsPerRolling5Minutes() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().demoData(false).specCheck(false))) {
            HaloHttp http = new HaloHttp(sandbox);
            for (int i = 0; i < 300; i++) {
                assertThat(http.get("/Status").statusCode()).as("request %d", i + 1).isEqualTo(200);
            }

            HttpResponse<String> refused = http.get("/Status");

            assertThat(refused.statusCode()).isEqualTo(429);
            // Halo's text (R5) in JSON; the key is inferred from HaloAPI's parser, and no source shows a Retry-After
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(HaloHttp.json(refused)).containsExactly(
                    Map.entry("Message", "Rate Limit Reached - 300 Requests per rolling 5 minute window"));
            assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void windowRollsOn() {
        MutableClock clock = new MutableClock();
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().clock(clock)
                .requestBudget(3, Duration.ofMinutes(1)))) {
            HaloHttp http = new HaloHttp(sandbox);
            http.get("/Agent");
            clock.advance(Duration.ofSeconds(30));
            http.get("/Agent");
            http.get("/Agent");
            HttpResponse<String> refused = http.get("/Agent");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("3 Requests per rolling 1 minute window");

            // the first request leaves the window: one more fits, not two
            clock.advance(Duration.ofSeconds(31));
            assertThat(http.get("/Agent").statusCode()).isEqualTo(200);
            assertThat(http.get("/Agent").statusCode()).isEqualTo(429);
            assertThat(sandbox.requestsInWindow()).isEqualTo(3);

            sandbox.resetRequestBudget();
            assertThat(http.get("/Agent").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokenRequestsDoNotCount() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().requestBudget(1, Duration.ofMinutes(5)))) {
            HaloHttp http = new HaloHttp(sandbox);
            http.tokenFor("all");
            http.tokenFor("all");

            assertThat(http.get("/Agent").statusCode()).isEqualTo(200);
        }
    }
}
