package io.github.camelhalopsa.component.halopsa.push;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaTestSupport;
import io.github.camelhalopsa.component.halopsa.consumer.TriggerConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The push options as the catalog lists them, as endpoint creation checks them, and the poll delay they imply. */
class PushOptionsTest extends HaloPsaTestSupport {

    private static final String SECRET = "Sup3r-hidden-value";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        new WebhookCalls().serveOn(context);
        return context;
    }

    static Stream<Arguments> wrongCombinations() {
        String push = "halopsa:ticket?webhookPath=/halo/hook";
        return Stream.of(
                arguments("credential without webhookPath", "halopsa:ticket?webhookToken=" + SECRET,
                        List.of("need webhookPath", "webhookToken")),
                arguments("registerWebhook without webhookPath", "halopsa:ticket?registerWebhook=true",
                        List.of("need webhookPath")),
                arguments("path without leading slash", "halopsa:ticket?webhookPath=halo/hook",
                        List.of("Invalid webhookPath 'halo/hook'", "must start with '/'")),
                arguments("path that is only a slash", "halopsa:ticket?webhookPath=/", List.of("Invalid webhookPath '/'")),
                arguments("path with a wildcard", "halopsa:ticket?webhookPath=/halo/*", List.of("Invalid webhookPath")),
                arguments("user name without password", push + "&webhookUsername=halo",
                        List.of("needs both webhookUsername and webhookPassword", "webhookPassword is missing")),
                arguments("password without user name", push + "&webhookPassword=" + SECRET,
                        List.of("webhookUsername is missing")),
                arguments("Basic and Bearer", push + "&webhookUsername=halo&webhookPassword=" + SECRET
                                              + "&webhookToken=" + SECRET,
                        List.of("webhookToken (Bearer) cannot be combined with webhookUsername and webhookPassword")),
                arguments("token with a space", push + "&webhookToken=RAW(a " + SECRET + ")",
                        List.of("Invalid webhookToken", "whitespace")),
                arguments("registerWebhook without webhookUrl", push + "&registerWebhook=true",
                        List.of("registerWebhook=true needs webhookUrl", "webhookPath /halo/hook")),
                arguments("webhookUrl without registerWebhook", push + "&webhookUrl=https://example.com/halo/hook",
                        List.of("used by registerWebhook, which is off")),
                arguments("webhookUrl of another scheme", push + "&registerWebhook=true&webhookUrl=ftp://example.com/h",
                        List.of("Invalid webhookUrl", "http(s)")),
                arguments("webhookUrl with a credential", push + "&registerWebhook=true&webhookUrl=https://u:"
                                                          + SECRET + "@example.com/h",
                        List.of("Invalid webhookUrl: it must not carry a user name or password")),
                arguments("webhookEvents not numbers", push + "&registerWebhook=true&webhookUrl=example.com/h"
                                                       + "&webhookEvents=3,new",
                        List.of("Invalid webhookEvents '3,new'", "'new' is not a HaloPSA event number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCombinations")
    void wrongCombinationsFailAtEndpointCreationNamingTheOptions(String name, String uri, List<String> expected) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> {
                    Throwable cause = e.getCause();
                    assertThat(cause).isInstanceOf(IllegalArgumentException.class);
                    assertThat(cause.getMessage()).contains(expected).doesNotContain(SECRET);
                    if (!uri.contains("@")) {
                        // Camel's own message quotes the URI, masking the secret options but not a password the
                        // user wrote into webhookUrl, which is what that row's message tells them not to do
                        assertThat(e.getMessage()).doesNotContain(SECRET);
                    }
                });
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void registerWebhookOnATriggerWithNoKnownEventNeedsWebhookEvents() {
        HaloPsaConfiguration configuration = new HaloPsaConfiguration();
        configuration.setWebhookPath("/halo/clients");
        configuration.setRegisterWebhook(true);
        configuration.setWebhookUrl("https://example.com/halo/clients");

        assertThatThrownBy(() -> PushSettings.of(configuration, HaloPsaEntity.client, "updated", "client@x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registerWebhook=true on halopsa:client (trigger updated) needs webhookEvents");

        assertThat(PushSettings.of(configuration, HaloPsaEntity.ticket, "updated", "k").registration().events())
                .extracting(TriggerEvents.HaloEvent::number).containsExactly(19, 76, 39);

        configuration.setWebhookEvents(" 3, 1234 ");
        PushSettings.Registration registration = PushSettings.of(configuration, HaloPsaEntity.client, "updated",
                "client@x").registration();
        assertThat(registration.events()).extracting(TriggerEvents.HaloEvent::number).containsExactly(3, 1234);
        assertThat(registration.name()).isEqualTo("camel-halopsa client@x");
        assertThat(PushSettings.of(configuration, HaloPsaEntity.ticket, "new", "k").registration().events())
                .as("webhookEvents wins over the table").extracting(TriggerEvents.HaloEvent::number)
                .containsExactly(3, 1234);
    }

    @Test
    void withPushTheScheduledPollDefaultsToFiveMinutesUnlessDelayIsSet() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?startScheduler=false").routeId("poll").log("${body}");
                from("halopsa:ticket?startScheduler=false&webhookPath=/a&query.team=1").routeId("push").log("${body}");
                from("halopsa:ticket?startScheduler=false&webhookPath=/b&query.team=2&delay=45s").routeId("pushDelay")
                        .log("${body}");
            }
        });

        assertThat(trigger("poll").getDelay()).isEqualTo(30_000);
        assertThat(trigger("push").getDelay()).isEqualTo(300_000);
        assertThat(trigger("pushDelay").getDelay()).isEqualTo(45_000);
    }

    @Test
    void theCatalogListsThePushOptionsWithTheSecretsMarkedSecret() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/io/github/camelhalopsa/component/halopsa/halopsa.json")) {
            json = new ObjectMapper().readTree(in);
        }

        for (String option : List.of("webhookPath", "webhookUsername", "webhookPassword", "webhookToken",
                "registerWebhook", "webhookUrl", "webhookName", "webhookEvents")) {
            JsonNode property = json.at("/properties/" + option);
            assertThat(property.isMissingNode()).as(option).isFalse();
            assertThat(property.at("/label").asText()).as(option).startsWith("consumer,push");
            assertThat(property.at("/description").asText()).as(option).isNotBlank();
            boolean secret = List.of("webhookUsername", "webhookPassword", "webhookToken").contains(option);
            assertThat(property.at("/secret").asBoolean()).as(option + " secret").isEqualTo(secret);
        }
        assertThat(json.at("/properties/registerWebhook/defaultValue").asBoolean()).isFalse();
        assertThat(json.at("/properties/delay/description").asText()).contains("With push on (webhookPath)",
                "5 minutes");
    }

    @Test
    void theSecretsAreMaskedInTheEndpointUri() {
        String uri = "halopsa:ticket?webhookPath=/h&webhookUsername=halo-user&webhookPassword=" + SECRET;

        assertThat(context.getEndpoint(uri).toString()).doesNotContain(SECRET).doesNotContain("halo-user");
        assertThat(context.getEndpoint("halopsa:ticket?webhookPath=/t&webhookToken=" + SECRET).toString())
                .doesNotContain(SECRET);
    }

    private TriggerConsumer<?> trigger(String routeId) {
        return (TriggerConsumer<?>) context.getRoute(routeId).getConsumer();
    }
}
