package io.github.camelhalopsa.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of the sandbox. */
class HaloSandboxMainTest {

    @Test
    void readsItsOptions() {
        SandboxOptions options = HaloSandboxMain.parse(new String[] { "--port", "18080", "--tenant", "acme",
                "--budget", "50", "--budget-window", "1m", "--tickets-every", "30s", "--assets-every", "PT2M",
                "--scopes", "read:tickets", "--no-demo-data", "--no-spec-check" });

        assertThat(options.port()).isEqualTo(18080);
        assertThat(options.tenant()).isEqualTo("acme");
        assertThat(options.requestBudget()).isEqualTo(50);
        assertThat(options.budgetWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.newTicketEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.assetAssignmentEvery()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.grantedScopes()).isEqualTo("read:tickets");
        assertThat(options.demoData()).isFalse();
        assertThat(options.specCheck()).isFalse();
        assertThat(HaloSandboxMain.parse(new String[] { "--on-premise" }).tenant()).isNull();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> HaloSandboxMain.parse(new String[] { "--colour", "red" }))
                .hasMessage("Unknown option --colour");
        assertThatThrownBy(() -> HaloSandboxMain.parse(new String[] { "--port" })).hasMessage("--port needs a value");
        assertThatThrownBy(() -> HaloSandboxMain.parse(new String[] { "--tickets-every", "often" }))
                .hasMessageContaining("--tickets-every takes a duration");
        assertThatThrownBy(() -> HaloSandboxMain.parse(new String[] { "--port", "70000" }))
                .hasMessageContaining("65535");
    }

    @Test
    void describesWhereItRunsAndPrintsOnlyThePublishedDefaultSecret() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (HaloSandbox defaults = HaloSandbox.start(SandboxOptions.defaults().demoData(false));
             HaloSandbox ownSecret = HaloSandbox.start(SandboxOptions.defaults().demoData(false)
                     .clientSecret("my-own-secret"))) {
            HaloSandboxMain.describe(defaults, new PrintStream(output, true, StandardCharsets.UTF_8));
            HaloSandboxMain.describe(ownSecret, new PrintStream(output, true, StandardCharsets.UTF_8));
        }

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("camel.component.halopsa.client-secret = sandbox-secret",
                "camel.component.halopsa.tenant = sandbox").doesNotContain("my-own-secret");
    }
}
