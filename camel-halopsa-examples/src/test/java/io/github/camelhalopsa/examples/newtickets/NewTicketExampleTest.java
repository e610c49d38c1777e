package io.github.camelhalopsa.examples.newtickets;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelhalopsa.component.halopsa.DurableFileStateRepository;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example's route, in Java and in YAML, with its own application.properties against a loopback HaloPSA: a
 * ticket created after the first poll gets an acknowledgement note, and the watermark lands in the state file.
 */
class NewTicketExampleTest {

    @RegisterExtension
    static WireMockExtension halo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1)).build();

    @TempDir
    Path folder;

    @BeforeEach
    void haloWithOneNewTicketAfterTheFirstPoll() {
        halo.stubFor(post(urlPathEqualTo("/auth/token"))
                .willReturn(okJson("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        String existing = "{\"id\":41,\"summary\":\"Old\",\"client_name\":\"Acme\"}";
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).inScenario("tickets").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"record_count\":1,\"tickets\":[" + existing + "]}"))
                .willSetStateTo("new ticket"));
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).inScenario("tickets").whenScenarioStateIs("new ticket")
                .willReturn(okJson("{\"record_count\":2,\"tickets\":[{\"id\":42,\"summary\":\"VPN down\","
                                   + "\"client_name\":\"Acme\"}," + existing + "]}")));
        halo.stubFor(post(urlPathEqualTo("/api/Actions")).willReturn(okJson("{\"id\":1,\"ticket_id\":42}")));
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void aNewTicketGetsAnAcknowledgementNote(boolean yaml) throws Exception {
        Path stateFile = folder.resolve("state/new-tickets.properties");
        Main main = NewTicketsApplication.create(yaml);
        // what the environment gives in production (HALOPSA_CLIENT_ID and the rest)
        main.addOverrideProperty("camel.component.halopsa.client-id", "example-client");
        main.addOverrideProperty("camel.component.halopsa.client-secret", "example-secret");
        main.addOverrideProperty("camel.component.halopsa.resource-server", halo.baseUrl());
        main.addOverrideProperty("camel.component.halopsa.tenant", "example");
        main.addOverrideProperty("camel.beans.ticketState.filePath", stateFile.toString());
        main.addOverrideProperty("newTickets.delay", "100");

        main.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (halo.findAll(postRequestedFor(urlPathEqualTo("/api/Actions"))).isEmpty()
                   && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } finally {
            main.stop();
        }

        halo.verify(1, postRequestedFor(urlPathEqualTo("/api/Actions")).withRequestBody(equalToJson(
                "[{\"ticket_id\":42,\"outcome\":\"Private Note\",\"hiddenfromuser\":true,"
                + "\"note\":\"Received by the intake route; an agent will pick it up shortly.\"}]")));
        DurableFileStateRepository saved = new DurableFileStateRepository(stateFile.toFile());
        saved.start();
        assertThat(saved.getState("ticket@" + URI.create(halo.baseUrl()).getAuthority())).contains("\"watermark\":42");
    }
}
