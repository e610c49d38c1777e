package io.github.camelhalopsa.component.halopsa.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelhalopsa.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenProviderTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AccessTokenProvider provider = new AccessTokenProvider(
            () -> AccessToken.issued("t" + fetches.incrementAndGet(), Duration.ofHours(1), clock.instant()), clock);

    @Test
    void reusesTheTokenUntilAMinuteBeforeItExpires() throws Exception {
        assertThat(provider.token()).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(58).plusSeconds(59));
        assertThat(provider.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(provider.token()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void invalidatingAReplacedTokenKeepsTheReplacement() throws Exception {
        String refused = provider.token();
        provider.invalidate(refused);
        String renewed = provider.token();
        provider.invalidate(refused); // a second caller that also saw the old token refused

        assertThat(provider.token()).isEqualTo(renewed).isNotEqualTo(refused);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void shortLivedTokensAreRenewedAfterNineTenthsOfTheirLife() {
        AccessToken token = AccessToken.issued("x", Duration.ofSeconds(100), Instant.EPOCH);

        assertThat(token.isDue(Instant.EPOCH.plusSeconds(89))).isFalse();
        assertThat(token.isDue(Instant.EPOCH.plusSeconds(90))).isTrue();
        assertThat(token.toString()).doesNotContain("x]").contains("refreshAt");
    }
}
