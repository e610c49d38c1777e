package io.github.camelhalopsa.component.halopsa;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerOperationsTest extends HaloPsaTestSupport {

    /** A route's own record type: posted through Jackson like a Map. */
    public record NewTicket(String summary, int client_id) {
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    private void stubTicketPost(String answer) {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, answer)));
    }

    @Test
    void addOrUpdateAcceptsAMapAJsonStringAndAPojoAlwaysSendingAnArray() {
        stubTicketPost("{\"id\":42,\"summary\":\"Printer on fire\"}");
        String expected = "[{\"summary\":\"Printer on fire\",\"client_id\":3}]";

        Object fromMap = template.requestBody("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "Printer on fire", "client_id", 3));
        Object fromJson = template.requestBody("halopsa:ticket?operation=addOrUpdate",
                "{\"summary\":\"Printer on fire\",\"client_id\":3}");
        Object fromPojo = template.requestBody("halopsa:ticket?operation=addOrUpdate", new NewTicket("Printer on fire", 3));

        assertThat(List.of(fromMap, fromJson, fromPojo)).allSatisfy(saved -> assertThat(saved).isInstanceOf(Map.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("id", 42));
        halo.verify(3, WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson(expected)));
    }

    @Test
    void updatingSendsTheIdAndSeveralRecordsGiveAList() {
        stubTicketPost("[{\"id\":7,\"summary\":\"a\"},{\"id\":8,\"summary\":\"b\"}]");

        Object saved = template.requestBody("halopsa:ticket?operation=addOrUpdate",
                List.of(Map.of("id", 7, "summary", "a"), Map.of("id", 8, "summary", "b")));

        assertThat(saved).isInstanceOf(List.class).asList().hasSize(2);
        halo.verify(WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"id\":7,\"summary\":\"a\"},{\"id\":8,\"summary\":\"b\"}]")));
    }

    @Test
    void actionsTakeTheirTicketFromTheHeaderWhenTheRecordHasNone() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Actions")).willReturn(json(201, "{\"id\":3,\"ticket_id\":55}")));

        template.requestBodyAndHeader("halopsa:action?operation=addOrUpdate", Map.of("note", "Called the user"),
                HaloPsaConstants.TICKET_ID, 55);

        halo.verify(WireMock.postRequestedFor(urlPathEqualTo("/api/Actions"))
                .withRequestBody(equalToJson("[{\"note\":\"Called the user\",\"ticket_id\":55}]")));
    }

    @Test
    void anActionWithoutATicketIsRefusedBeforeAnyCall() {
        Exchange result = send("halopsa:action?operation=addOrUpdate", Map.of("note", "orphan"), Map.of());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ticket_id").hasMessageContaining("ticketId");
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonNamesTheProblem() {
        Exchange result = send("halopsa:ticket?operation=addOrUpdate", "{summary: oops", Map.of());

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("addOrUpdate on halopsa:ticket").hasMessageContaining("not valid JSON");
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void getOfAnAttachmentReturnsTheFileAndItsName() {
        byte[] file = "%PDF-1.7 fake".getBytes(StandardCharsets.UTF_8);
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Attachment/31")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withHeader("Content-Disposition", "attachment; filename=\"invoice 31.pdf\"").withBody(file)));

        Exchange result = send("halopsa:attachment?operation=get", null, Map.of(HaloPsaConstants.ID, 31));

        assertThat(result.getMessage().getBody(byte[].class)).isEqualTo(file);
        assertThat(result.getMessage().getHeader(HaloPsaConstants.FILE_NAME)).isEqualTo("invoice 31.pdf");
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client/5")).willReturn(json(200, "{\"id\":5,\"name\":\"Acme\"}")));

        Exchange result = send("halopsa:client", null, Map.of(HaloPsaConstants.OPERATION, "get", HaloPsaConstants.ID, "5"));

        assertThat(result.getMessage().getBody(Map.class)).containsEntry("name", "Acme");
    }

    @Test
    void previewOfASavedReportReturnsItsRows() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Report/12")).withQueryParam("loadreport", equalTo("true"))
                .willReturn(json(200, "{\"id\":12,\"name\":\"Open by client\",\"report\":{\"rows\":[{\"c\":\"Acme\",\"n\":4}]}}")));

        Exchange result = send("halopsa:report?operation=preview&id=12", null, Map.of());

        assertThat(result.getMessage().getBody(List.class)).singleElement().isEqualTo(Map.of("c", "Acme", "n", 4));
        assertThat(result.getMessage().getHeader(HaloPsaConstants.RECORD_COUNT)).isEqualTo(1);
    }

    @Test
    void aReportThatHaloCouldNotRunFailsWithHalosReason() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Report")).willReturn(json(200,
                "{\"id\":0,\"report\":{\"loaded\":false,\"load_error\":\"Invalid column name 'nope'.\"}}")));

        Exchange result = send("halopsa:report?operation=preview&sql=SELECT nope FROM faults", null, Map.of());

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("Invalid column name 'nope'");
    }

    @Test
    void apiRequestPostsJsonAndPassesNonJsonAnswersAsBytes() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, "{\"id\":90}")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Attachment/4"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[] { 1, 2, 3 })));

        Exchange posted = send("halopsa:api?method=POST&path=api/Tickets", List.of(Map.of("summary", "From api")), Map.of());
        Exchange fetched = send("halopsa:api", null, Map.of(HaloPsaConstants.PATH, "/Attachment/4"));

        assertThat(posted.getMessage().getBody(Map.class)).containsEntry("id", 90);
        assertThat(posted.getMessage().getHeader(HaloPsaConstants.RESPONSE_CODE)).isEqualTo(201);
        halo.verify(WireMock.postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson("[{\"summary\":\"From api\"}]")));
        assertThat(fetched.getMessage().getBody(byte[].class)).containsExactly(1, 2, 3);
    }

    @Test
    void haloValidationErrorsCarryStatusCallAndHalosFieldMessages() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(400,
                "{\"[0].client_id\":[\"The client_id field is required.\"]}")));

        Exchange result = send("halopsa:ticket?operation=addOrUpdate", Map.of("summary", "x"), Map.of());

        assertThat(result.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("400").hasMessageContaining("POST /Tickets")
                .hasMessageContaining("[0].client_id: The client_id field is required.");
        assertThat(((HaloPsaException) result.getException()).getHttpResponseCode()).isEqualTo(400);
    }

    @Test
    void plainTextErrorsAndForbiddenCallsExplainThemselves() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Actions")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("An Outcome must be entered for this Action")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Invoice")).willReturn(json(403, "")));

        Exchange badAction = send("halopsa:action?operation=addOrUpdate&ticketId=5", Map.of("note", "n"), Map.of());
        Exchange forbidden = send("halopsa:invoice", null, Map.of());

        assertThat(badAction.getException()).hasMessageContaining("An Outcome must be entered for this Action");
        assertThat(forbidden.getException()).isInstanceOf(HaloPsaException.class)
                .hasMessageContaining("403").hasMessageContaining("GET /Invoice").hasMessageContaining("permission");
    }

    @Test
    void aSuccessOfOnlyWhitespaceIsAnEmptyBodyFailure() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1")).willReturn(json(200, " \r\n\t ")));

        Exchange blank = send("halopsa:ticket?operation=get&id=1", null, Map.of());

        assertThat(blank.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("empty body");
    }

    @Test
    void anAnswerSentInChunksWithoutContentLengthIsReadWhole() {
        String summary = "x".repeat(20_000);
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1"))
                .willReturn(json(200, "{\"id\":1,\"summary\":\"" + summary + "\"}").withChunkedDribbleDelay(5, 20)));

        Map<?, ?> ticket = template.requestBodyAndHeader("halopsa:ticket?operation=get", null, HaloPsaConstants.ID, "1",
                Map.class);

        assertThat(ticket.get("summary")).isEqualTo(summary);
    }

    @Test
    void anEmptyOrMalformedSuccessIsAFailureNotAnEmptyResult() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/1")).willReturn(json(200, "")));
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Agent")).willReturn(json(200, "[{\"id\":1,")));

        Exchange empty = send("halopsa:ticket?operation=get&id=1", null, Map.of());
        Exchange truncated = send("halopsa:agent", null, Map.of());

        assertThat(empty.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("empty body");
        assertThat(truncated.getException()).isInstanceOf(HaloPsaException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void missingIdsAreNamedBeforeAnyCall() {
        Exchange noId = send("halopsa:ticket?operation=delete", null, Map.of());
        Exchange noTicket = send("halopsa:action?operation=get&id=1", null, Map.of());

        assertThat(noId.getException()).hasMessageContaining("id option").hasMessageContaining(HaloPsaConstants.ID);
        assertThat(noTicket.getException()).hasMessageContaining("ticketId").hasMessageContaining("per ticket");
        assertThat(apiRequests()).isEmpty();
    }

    @Test
    void wrongUrisFailAtEndpointCreationNamingWhatIsValid() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:tickets"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("Unknown HaloPSA entity 'tickets'")
                .hasMessageContaining("ticket, ticketType");
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?operation=preview"))
                .hasMessageContaining("preview is not available for halopsa:ticket")
                .hasMessageContaining("list, get, addOrUpdate, delete");
        assertThatThrownBy(() -> context.getEndpoint("halopsa:api?method=PATCH"))
                .hasMessageContaining("PATCH").hasMessageContaining("GET, POST and DELETE");
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?operation=fetch"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("fetch");
    }
}
