package io.github.camelhalopsa.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher behind the README's run command: sandbox or tenant, a bounded run, a summary, an exit code. */
class ExamplesMainTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void withoutHaloPsaSettingsItRunsAgainstTheSandboxAndEndsByItself() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("examples.max-tickets", "4");
        settings.setProperty("examples.max-seconds", "90");
        settings.setProperty("examples.sandbox.new-ticket-every", "1");
        settings.setProperty("examples.sandbox.customer-reply-every", "1");

        int exitCode = ExamplesMain.run(Map.of(), settings, out);

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(text).isZero();
        assertThat(text).contains("(Java DSL routes) against the HaloPSA sandbox at http://127.0.0.1:",
                "acknowledgement sent", "Summary after", "0 failure(s)");
        assertThat(text).containsPattern("  ([4-9]|\\d{2,}) new ticket\\(s\\) triaged and acknowledged");
        assertThat(text).containsPattern("ticket #\\d+ reopened: .+ replied \".+\" -> agent notified")
                .containsPattern("  [1-9]\\d* closed ticket\\(s\\) reopened on a customer's reply");
        // push: the triggers registered their webhooks in the sandbox, which called them and woke them
        assertThat(text).containsPattern("Push on: the sandbox's webhooks call http://127\\.0\\.0\\.1:\\d+/halo/tickets")
                .containsPattern("  push: [1-9]\\d* of \\d+ ticket\\(s\\) and replies came from polls woken by a webhook")
                .containsPattern("  the sandbox made [1-9]\\d* webhook call\\(s\\), 0 of them failed or refused");
    }

    @Test
    void someButNotAllTenantSettingsIsAnErrorNamingTheMissingOnes() throws Exception {
        int exitCode = ExamplesMain.run(Map.of("HALOPSA_CLIENT_ID", "abc"), new Properties(), out);

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("missing: [HALOPSA_CLIENT_SECRET, "
                                                                      + "HALOPSA_RESOURCE_SERVER]");
    }

    @Test
    void unknownDslIsAnError() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("examples.dsl", "xml");

        assertThat(ExamplesMain.run(Map.of(), settings, out)).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("examples.dsl must be java or yaml, not 'xml'");
    }

    @Test
    void aTenantIsNamedButNeverItsCredentials() {
        HaloTarget target = HaloTarget.fromEnvironment(Map.of("HALOPSA_CLIENT_ID", "id-123",
                "HALOPSA_CLIENT_SECRET", "s3cret", "HALOPSA_RESOURCE_SERVER", "acme.halopsa.com",
                "HALOPSA_TENANT", "acme"));

        assertThat(target.isSandbox()).isFalse();
        assertThat(target.toString()).isEqualTo("the HaloPSA tenant at acme.halopsa.com (tenant acme)")
                .doesNotContain("s3cret", "id-123");
    }
}
