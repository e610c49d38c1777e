package io.github.camelhalopsa.component.halopsa.push;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.component.halopsa.push.WebhookCredentials.Verdict.ACCEPTED;
import static io.github.camelhalopsa.component.halopsa.push.WebhookCredentials.Verdict.MISSING;
import static io.github.camelhalopsa.component.halopsa.push.WebhookCredentials.Verdict.WRONG;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookCredentialsTest {

    private static final WebhookCredentials BASIC = WebhookCredentials.basic("halo", "pa:ss word");
    private static final WebhookCredentials BEARER = WebhookCredentials.bearer("t0k3n");

    @Test
    void basicAcceptsOnlyTheUserNameAndPasswordAsHaloSendsThem() {
        assertThat(BASIC.check(basic("halo:pa:ss word"))).isEqualTo(ACCEPTED);
        assertThat(BASIC.check("basic  " + encode("halo:pa:ss word") + " ")).isEqualTo(ACCEPTED);

        assertThat(BASIC.check(basic("halo:pa:ss wor"))).isEqualTo(WRONG);
        assertThat(BASIC.check(basic("Halo:pa:ss word"))).isEqualTo(WRONG);
        assertThat(BASIC.check(basic("halo:pa:ss word "))).isEqualTo(WRONG);
        assertThat(BASIC.check("Basic not*base64")).isEqualTo(WRONG);
        assertThat(BASIC.check(null)).isEqualTo(MISSING);
        assertThat(BASIC.check("Bearer pa:ss word")).isEqualTo(MISSING);
        assertThat(BASIC.check("Basic")).isEqualTo(MISSING);
    }

    @Test
    void bearerAcceptsOnlyTheToken() {
        assertThat(BEARER.check("Bearer t0k3n")).isEqualTo(ACCEPTED);
        assertThat(BEARER.check("bearer t0k3n")).isEqualTo(ACCEPTED);

        assertThat(BEARER.check("Bearer t0k3")).isEqualTo(WRONG);
        assertThat(BEARER.check("Bearer t0k3n0")).isEqualTo(WRONG);
        assertThat(BEARER.check("Bearer T0K3N")).isEqualTo(WRONG);
        assertThat(BEARER.check("Basic " + encode("x:t0k3n"))).isEqualTo(MISSING);
        assertThat(BEARER.check("t0k3n")).isEqualTo(MISSING);
        assertThat(BEARER.check(null)).isEqualTo(MISSING);
    }

    @Test
    void withoutCredentialsEveryCallIsAccepted() {
        assertThat(WebhookCredentials.none().check(null)).isEqualTo(ACCEPTED);
        assertThat(WebhookCredentials.none().isRequired()).isFalse();
        assertThat(BASIC.isRequired()).isTrue();
    }

    @Test
    void neitherPrintsWhatItExpects() {
        assertThat(BASIC.toString()).isEqualTo("Basic authentication").doesNotContain("halo");
        assertThat(BEARER.toString()).isEqualTo("a Bearer token").doesNotContain("t0k3n");
        assertThat(BASIC.challenge()).startsWith("Basic realm=");
        assertThat(BEARER.challenge()).isEqualTo("Bearer");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + encode(userAndPassword);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
