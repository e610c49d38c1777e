package io.github.camelhalopsa.component.halopsa.push;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelhalopsa.component.halopsa.CapturedLog;
import io.github.camelhalopsa.component.halopsa.HaloPsaTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * registerWebhook against a HaloPSA that answers /Webhook as Halo's API description has it: GET /Webhook a bare array,
 * GET /Webhook/{id} one record, POST /Webhook an array of Webhook records.
 */
class WebhookRegistrationTest extends HaloPsaTestSupport {

    private static final String PASSWORD = "wh-Pa55-9d1e";
    private static final String TOKEN = "wh-T0ken-51ab";
    private static final String URL = "https://integrations.example.com/halo/hook";
    private static final String OWN_ID = "6f1c2a7e-0d44-4c1b-9a57-3e2b8f0c1d99";
    private static final String OTHER_ID = "0b9d8c7a-1111-4a2b-8c3d-4e5f6a7b8c9d";

    private final ObjectMapper mapper = new ObjectMapper();
    private final WebhookCalls calls = new WebhookCalls();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        calls.serveOn(context);
        return context;
    }

    @Test
    void createsTheWebhookWhenNoneHasItsNameWithBasicAuthenticationAndTheTriggersEvent() throws Exception {
        stubList("[{\"id\":\"" + OTHER_ID + "\",\"name\":\"Another integration\",\"type\":0}]");
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Webhook"))
                .willReturn(json(200, "{\"id\":\"" + OWN_ID + "\",\"name\":\"camel-halopsa\"}")));

        start("webhookUsername=halo&webhookPassword=RAW(" + PASSWORD + ")");

        JsonNode sent = onlyPost();
        assertThat(sent).isEqualTo(mapper.readTree("""
                [{"name":"camel-halopsa %s","type":0,"url":"%s","method":0,"content_type":"application/json",
                  "active":true,"authentication_type":1,"basic_username":"halo","basic_password":"%s",
                  "events":[{"eventno":3,"name":"New Ticket Logged"}]}]
                """.formatted(defaultStateKey(), URL, PASSWORD)));
        assertThat(halo.findAll(WireMock.getRequestedFor(WireMock.urlPathMatching("/api/Webhook/.*")))).isEmpty();
        assertThat(halo.findAll(WireMock.getRequestedFor(urlPathEqualTo("/api/Webhook"))).get(0)
                .queryParameter("type").firstValue()).isEqualTo("0");
        assertFieldsOfHalosWebhookSchema(sent.get(0));
        assertThat(halo.findAll(WireMock.deleteRequestedFor(WireMock.anyUrl()))).isEmpty();
    }

    @Test
    void updatesTheOneOfItsNameKeepingItsEventIdsAcrossRestarts() throws Exception {
        String name = "camel-halopsa orders";
        stubList("[{\"id\":\"" + OTHER_ID + "\",\"name\":\"Another integration\"},"
                 + "{\"id\":\"" + OWN_ID + "\",\"name\":\"" + name + "\",\"url\":\"https://old.example.com/h\"}]");
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Webhook/" + OWN_ID)).willReturn(json(200,
                "{\"id\":\"" + OWN_ID + "\",\"name\":\"" + name + "\",\"events\":[{\"id\":41,\"eventno\":3,"
                + "\"webhook_id\":\"" + OWN_ID + "\"}]}")));
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Webhook")).willReturn(json(200, "[{\"id\":\"" + OWN_ID + "\"}]")));

        start("webhookToken=RAW(" + TOKEN + ")&webhookName=" + name);
        context.getRouteController().stopRoute("push");
        context.getRouteController().startRoute("push");

        List<LoggedRequest> posts = halo.findAll(WireMock.postRequestedFor(urlPathEqualTo("/api/Webhook")));
        assertThat(posts).hasSize(2);
        for (LoggedRequest post : posts) {
            assertThat(mapper.readTree(post.getBodyAsString())).isEqualTo(mapper.readTree("""
                    [{"id":"%s","name":"%s","type":0,"url":"%s","method":0,"content_type":"application/json",
                      "active":true,"authentication_type":2,"authentication_header":"Bearer %s",
                      "events":[{"id":41,"webhook_id":"%s","eventno":3,"name":"New Ticket Logged"}]}]
                    """.formatted(OWN_ID, name, URL, TOKEN, OWN_ID)));
        }
        assertThat(halo.findAll(WireMock.getRequestedFor(urlPathEqualTo("/api/Webhook/" + OWN_ID)))
                .get(0).queryParameter("includedetails").firstValue()).isEqualTo("true");
        assertThat(halo.findAll(WireMock.deleteRequestedFor(WireMock.anyUrl()))).isEmpty();
    }

    @Test
    void aRegistrationHaloRefusesIsLoggedWithoutTheSecretAndPushGoesOn() throws Exception {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Webhook"))
                .willReturn(json(403, "{\"ClassName\":\"System.Exception\",\"Message\":\"You do not have access\"}")));

        String log = CapturedLog.of(() -> start("webhookToken=RAW(" + TOKEN + ")"));

        assertThat(log).contains("Could not create or update the HaloPSA webhook 'camel-halopsa",
                "The trigger listens on /halo/hook all the same").doesNotContain(TOKEN);
        assertThat(halo.findAll(WireMock.postRequestedFor(urlPathEqualTo("/api/Webhook")))).isEmpty();
        assertThat(calls.post("/halo/hook", WebhookCalls.bearer(TOKEN)).statusCode()).isEqualTo(204);
    }

    private void start(String credential) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("halopsa:ticket?startScheduler=false&webhookPath=/halo/hook&registerWebhook=true&webhookUrl=" + URL
                     + "&" + credential).routeId("push").log("${body}");
            }
        });
    }

    private static void stubList(String webhooks) {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Webhook")).willReturn(json(200, webhooks)));
    }

    private JsonNode onlyPost() throws Exception {
        List<LoggedRequest> posts = halo.findAll(WireMock.postRequestedFor(urlPathEqualTo("/api/Webhook")));
        assertThat(posts).hasSize(1);
        return mapper.readTree(posts.get(0).getBodyAsString());
    }

    /** The state key of a trigger without filters or stateKey, as TicketStateStore makes it. */
    private static String defaultStateKey() {
        return "ticket@" + java.net.URI.create(halo.baseUrl()).getAuthority();
    }

    /** The field names of Halo's Webhook and UnameNotification schemas (halo-api-v2.json) that the component sends. */
    private static void assertFieldsOfHalosWebhookSchema(JsonNode webhook) {
        List<String> webhookFields = List.of("id", "name", "type", "url", "method", "content_type", "active",
                "authentication_type", "basic_username", "basic_password", "authentication_header", "events");
        List<String> eventFields = List.of("id", "webhook_id", "eventno", "name");
        webhook.fieldNames().forEachRemaining(field -> assertThat(webhookFields).contains(field));
        webhook.get("events").forEach(event -> event.fieldNames()
                .forEachRemaining(field -> assertThat(eventFields).contains(field)));
    }
}
