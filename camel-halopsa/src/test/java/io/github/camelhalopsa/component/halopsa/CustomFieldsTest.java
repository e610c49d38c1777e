package io.github.camelhalopsa.component.halopsa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Custom fields by name, in lists, in updates that keep the other fields, and in Halo's mandatory-field errors. */
class CustomFieldsTest extends HaloPsaTestSupport {

    /** Halo's /FieldInfo answer: a bare array. Summary is a built-in field (custom 0), not a custom one. */
    private static final String FIELD_INFO = """
            [{"id":12,"name":"CFApprover","label":"Approver","type":0,"custom":1},
             {"id":14,"name":"CFDepartment","label":"Department","type":0,"custom":1},
             {"id":15,"name":"CFCostCentre","label":"Cost Centre","type":0,"custom":1},
             {"id":31,"name":"CFRegionEmea","label":"Region","type":0,"custom":1},
             {"id":32,"name":"CFRegionApac","label":"Region","type":0,"custom":1},
             {"id":3,"name":"Summary","label":"Summary","custom":0}]""";

    private static final String TICKET_42 = """
            {"id":42,"summary":"New starter","status_id":1,
             "customfields":[{"id":12,"name":"CFApprover","label":"Approver","type":0,"value":"Jane","display":"Jane"},
                             {"id":14,"name":"CFDepartment","label":"Department","type":0,"value":"Sales","display":"Sales"},
                             {"id":15,"name":"CFCostCentre","label":"Cost Centre","type":0,"value":"CC-1","display":"CC-1"}]}""";

    @BeforeEach
    void stubFieldInfo() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/FieldInfo")).willReturn(json(200, FIELD_INFO)));
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new LinkedHashMap<>(headers));
        });
    }

    private static int fieldInfoReads() {
        return halo.findAll(getRequestedFor(urlPathEqualTo("/api/FieldInfo"))).size();
    }

    private static void stubTicketList() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets")).willReturn(json(200,
                "{\"record_count\":1,\"tickets\":[{\"id\":42,\"customfields\":[{\"id\":12,\"value\":\"Jane\"}]}]}")));
    }

    @Test
    void namesLabelsAndIdsBecomeIncludeCustomFieldsWithOneFieldInfoReadForManyExchanges() {
        stubTicketList();
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Client")).willReturn(json(200, "{\"record_count\":0,\"clients\":[]}")));

        for (int i = 0; i < 3; i++) {
            template.requestBody("halopsa:ticket?customFields=CFApprover, department ,15", (Object) null);
        }
        // another endpoint on the same connection reuses the definitions
        List<?> tickets = template.requestBody("halopsa:ticket?customFields=Cost Centre", (Object) null, List.class);
        template.requestBody("halopsa:client?customFields=cfapprover", (Object) null);

        assertThat(fieldInfoReads()).isEqualTo(1);
        halo.verify(3, getRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withQueryParam("include_custom_fields", equalTo("12,14,15")));
        halo.verify(getRequestedFor(urlPathEqualTo("/api/Tickets")).withQueryParam("include_custom_fields", equalTo("15")));
        halo.verify(getRequestedFor(urlPathEqualTo("/api/Client")).withQueryParam("include_custom_fields", equalTo("12")));
        assertThat(tickets).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("customfields");
    }

    @Test
    void theHeaderOverridesTheOptionAndIdsNeedNoLookup() {
        stubTicketList();

        template.requestBodyAndHeader("halopsa:ticket?customFields=CFApprover", null, HaloPsaConstants.CUSTOM_FIELDS,
                List.of(14, "12"));

        halo.verify(getRequestedFor(urlPathEqualTo("/api/Tickets")).withQueryParam("include_custom_fields", equalTo("14,12")));
        assertThat(fieldInfoReads()).isZero();
    }

    @Test
    void idsAreAddedToAnIncludeCustomFieldsTheRouteSetItself() {
        stubTicketList();

        template.requestBody("halopsa:ticket?query.include_custom_fields=99&customFields=CFApprover,99", (Object) null);

        halo.verify(getRequestedFor(urlPathEqualTo("/api/Tickets")).withQueryParam("include_custom_fields", equalTo("99,12")));
    }

    @Test
    void definitionsOlderThanTheRefreshIntervalAreReadAgain() throws InterruptedException {
        stubTicketList();
        String uri = "halopsa:ticket?customFields=CFApprover&customFieldsRefreshInterval=1";

        for (int i = 0; i < 3; i++) {
            template.requestBody(uri, (Object) null);
            Thread.sleep(5); // well past the 1 ms interval, however fast the exchange was
        }

        assertThat(fieldInfoReads()).isEqualTo(3);
        assertThat(context.getEndpoint("halopsa:ticket?customFieldsRefreshInterval=10m", HaloPsaEndpoint.class)
                .getConfiguration().getCustomFieldsRefreshInterval()).isEqualTo(600_000L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getKeepsOnlyTheCustomFieldsAskedFor() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/42")).willReturn(json(200, TICKET_42)));

        Map<String, Object> ticket = template.requestBodyAndHeader("halopsa:ticket?operation=get&customFields=Approver,CFCostCentre",
                null, HaloPsaConstants.ID, 42, Map.class);
        Map<String, Object> whole = template.requestBodyAndHeader("halopsa:ticket?operation=get", null, HaloPsaConstants.ID, 42,
                Map.class);

        assertThat((List<Map<String, Object>>) ticket.get("customfields")).extracting(f -> f.get("id"))
                .containsExactly(12, 15);
        assertThat(ticket).containsEntry("summary", "New starter");
        assertThat((List<?>) whole.get("customfields")).hasSize(3);
    }

    @Test
    void addOrUpdateTurnsAMapOfNamesIntoHalosArrayOfIds() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, "{\"id\":43}")));
        Map<String, Object> customFields = new LinkedHashMap<>();
        customFields.put("CFApprover", "Jane");
        customFields.put("Cost Centre", "CC-9");
        customFields.put("14", "Sales");

        template.requestBody("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "New starter", "customfields", customFields));
        template.requestBody("halopsa:ticket?operation=addOrUpdate",
                "{\"summary\":\"As Halo takes it\",\"customfields\":[{\"id\":12,\"value\":\"Ann\"}]}");

        halo.verify(postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson("""
                [{"summary":"New starter","customfields":[{"id":12,"value":"Jane"},{"id":15,"value":"CC-9"},
                                                          {"id":14,"value":"Sales"}]}]""")));
        halo.verify(postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson(
                "[{\"summary\":\"As Halo takes it\",\"customfields\":[{\"id\":12,\"value\":\"Ann\"}]}]")));
    }

    @Test
    void anUnknownNameFailsNamingTheClosestKnownFieldsAndSendsNothing() {
        Exchange misspelt = send("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "x", "customfields", Map.of("CFAprover", "Jane")), Map.of());
        Exchange builtIn = send("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "x", "customfields", Map.of("Summary", "y")), Map.of());
        Exchange ambiguous = send("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "x", "customfields", Map.of("Region", "EMEA")), Map.of());

        assertThat(misspelt.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown custom field 'CFAprover' in addOrUpdate on halopsa:ticket")
                .hasMessageContaining("Closest known custom fields: CFApprover (\"Approver\", id 12), ");
        assertThat(builtIn.getException()).hasMessageContaining("Unknown custom field 'Summary'");
        assertThat(ambiguous.getException()).hasMessageContaining("label 'Region'")
                .hasMessageContaining("CFRegionEmea (\"Region\", id 31)").hasMessageContaining("CFRegionApac")
                .hasMessageContaining("name or id");
        halo.verify(0, postRequestedFor(urlPathEqualTo("/api/Tickets")));
    }

    @Test
    void mergeCustomFieldsPostsTheRecordsOtherFieldsWithTheChangedOne() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/42")).willReturn(json(200, TICKET_42)));
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, TICKET_42)));

        template.requestBody("halopsa:ticket?operation=addOrUpdate&mergeCustomFields=true",
                Map.of("id", 42, "customfields", Map.of("CFCostCentre", "CC-9")));

        halo.verify(getRequestedFor(urlPathEqualTo("/api/Tickets/42")).withQueryParam("includedetails", equalTo("true")));
        halo.verify(postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson("""
                [{"id":42,"customfields":[{"id":12,"value":"Jane"},{"id":14,"value":"Sales"},{"id":15,"value":"CC-9"}]}]""")));
    }

    @Test
    void mergeByHeaderAddsFieldsTheRecordLacksAndNewRecordsNeedNoRead() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/42")).willReturn(json(200, TICKET_42)));
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, "{\"id\":42}")));

        template.requestBodyAndHeader("halopsa:ticket?operation=addOrUpdate",
                Map.of("id", 42, "customfields", List.of(Map.of("id", 31, "value", "EMEA"))),
                HaloPsaConstants.MERGE_CUSTOM_FIELDS, true);
        template.requestBodyAndHeader("halopsa:ticket?operation=addOrUpdate",
                Map.of("summary", "new", "customfields", Map.of("CFApprover", "Jane")), HaloPsaConstants.MERGE_CUSTOM_FIELDS,
                "true");

        halo.verify(1, getRequestedFor(urlPathEqualTo("/api/Tickets/42")));
        halo.verify(postRequestedFor(urlPathEqualTo("/api/Tickets")).withRequestBody(equalToJson("""
                [{"id":42,"customfields":[{"id":12,"value":"Jane"},{"id":14,"value":"Sales"},{"id":15,"value":"CC-1"},
                                            {"id":31,"value":"EMEA"}]}]""")));
    }

    @Test
    void withoutMergeOnlyThePostedFieldIsSentAndNothingIsRead() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(201, "{\"id\":42}")));

        template.requestBody("halopsa:ticket?operation=addOrUpdate", Map.of("id", 42, "customfields", Map.of("15", "CC-9")));

        halo.verify(0, getRequestedFor(urlPathEqualTo("/api/Tickets/42")));
        halo.verify(postRequestedFor(urlPathEqualTo("/api/Tickets"))
                .withRequestBody(equalToJson("[{\"id\":42,\"customfields\":[{\"id\":15,\"value\":\"CC-9\"}]}]")));
    }

    @Test
    void mergeRefusesToPostWhenHalosAnswerHoldsNoCustomFields() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Tickets/42")).willReturn(json(200, "{\"id\":42,\"summary\":\"x\"}")));

        Exchange result = send("halopsa:ticket?operation=addOrUpdate&mergeCustomFields=true",
                Map.of("id", 42, "customfields", Map.of("CFApprover", "Jane")), Map.of());

        assertThat(result.getException()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not merge record 42").hasMessageContaining("customfields are missing")
                .hasMessageContaining("Nothing was posted");
        halo.verify(0, postRequestedFor(urlPathEqualTo("/api/Tickets")));
    }

    @Test
    void assetFieldsAreWrittenByIdAndMergedLikeCustomFields() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Asset/11")).willReturn(json(200, """
                {"id":11,"inventory_number":"PC-11","fields":[{"id":51,"name":"Model","value":"Test Model"},
                                                              {"id":122,"name":"Processor","value":"Old CPU"}],
                 "customfields":[]}""")));
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Asset")).willReturn(json(201, "{\"id\":11}")));

        template.requestBody("halopsa:asset?operation=addOrUpdate&mergeCustomFields=true",
                Map.of("id", 11, "fields", Map.of("122", "AMD Ryzen")));
        Exchange byName = send("halopsa:asset?operation=addOrUpdate", Map.of("id", 11, "fields", Map.of("Processor", "x")),
                Map.of());

        halo.verify(postRequestedFor(urlPathEqualTo("/api/Asset")).withRequestBody(equalToJson(
                "[{\"id\":11,\"fields\":[{\"id\":51,\"value\":\"Test Model\"},{\"id\":122,\"value\":\"AMD Ryzen\"}]}]")));
        assertThat(byName.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asset field 'Processor' needs its id").hasMessageContaining("customfields");
    }

    @Test
    void actionsAreReadWithTheirTicketForAMerge() {
        halo.stubFor(WireMock.get(urlPathEqualTo("/api/Actions/3")).willReturn(json(200,
                "{\"id\":3,\"ticket_id\":42,\"customfields\":[{\"id\":12,\"value\":\"Jane\"}]}")));
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Actions")).willReturn(json(201, "{\"id\":3}")));

        template.requestBodyAndHeader("halopsa:action?operation=addOrUpdate&mergeCustomFields=true",
                Map.of("id", 3, "customfields", Map.of("14", "Sales")), HaloPsaConstants.TICKET_ID, "42");

        halo.verify(getRequestedFor(urlPathEqualTo("/api/Actions/3")).withQueryParam("ticket_id", equalTo("42")));
        halo.verify(postRequestedFor(urlPathEqualTo("/api/Actions")).withRequestBody(equalToJson(
                "[{\"id\":3,\"ticket_id\":42,\"customfields\":[{\"id\":12,\"value\":\"Jane\"},{\"id\":14,\"value\":\"Sales\"}]}]")));
    }

    @Test
    void aMandatoryFieldRejectionNamesTheFieldsTheirCustomFieldNamesAndTheFix() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "text/plain").withBody("Email, Name, Department is missing")));

        Exchange result = send("halopsa:ticket?operation=addOrUpdate", Map.of("summary", "New starter"), Map.of());

        assertThat(result.getException()).isInstanceOf(HaloPsaRequiredFieldsException.class)
                .hasMessageContaining("400").hasMessageContaining("POST /Tickets")
                .hasMessageContaining("HaloPSA asks for: Email, Name, Department.")
                .hasMessageContaining("pass these fields").hasMessageContaining("make them optional")
                .hasMessageContaining("mandatory setting). In HaloPSA's custom fields: Department is the custom field "
                                      + "CFDepartment (\"Department\", id 14).");
        HaloPsaRequiredFieldsException e = (HaloPsaRequiredFieldsException) result.getException();
        assertThat(e.getRequiredFields()).containsExactly("Email", "Name", "Department");
        assertThat(e.isApprovalRequired()).isFalse();
        assertThat(e.getHttpResponseCode()).isEqualTo(400);
    }

    @Test
    void aCabApprovalRejectionPointsToTheCabOrAnotherTicketType() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(400,
                "\"CODE:APP03/2 Please select the CAB members to approve\"")));

        Exchange result = send("halopsa:ticket?operation=addOrUpdate", Map.of("summary", "Change", "tickettype_id", 6),
                Map.of());

        assertThat(result.getException()).isInstanceOf(HaloPsaRequiredFieldsException.class)
                .hasMessageContaining("CODE:APP03/2 Please select the CAB members to approve")
                .hasMessageContaining("new_approvalprocess_cab_id").hasMessageContaining("ticket type");
        assertThat(((HaloPsaRequiredFieldsException) result.getException()).isApprovalRequired()).isTrue();
    }

    @Test
    void otherBadRequestsStayPlainHaloErrors() {
        halo.stubFor(WireMock.post(urlPathEqualTo("/api/Tickets")).willReturn(json(400, "{\"message\":\"Invalid date\"}")));

        Exchange result = send("halopsa:ticket?operation=addOrUpdate", Map.of("summary", "x"), Map.of());

        assertThat(result.getException()).isExactlyInstanceOf(HaloPsaException.class).hasMessageContaining("Invalid date")
                .hasMessageNotContaining("optional");
        assertThat(fieldInfoReads()).isZero();
    }

    /** Halo's newer API description documents include_custom_fields on these four lists as well. */
    @Test
    void userItemOpportunityAndProjectListsTakeCustomFields() {
        for (String[] list : new String[][] { { "user", "/api/Users", "users" }, { "item", "/api/Item", "items" },
                { "opportunity", "/api/Opportunities", "tickets" }, { "project", "/api/Projects", "tickets" } }) {
            halo.stubFor(WireMock.get(urlPathEqualTo(list[1]))
                    .willReturn(json(200, "{\"record_count\":0,\"" + list[2] + "\":[]}")));

            template.requestBody("halopsa:" + list[0] + "?customFields=CFApprover", (Object) null);

            halo.verify(getRequestedFor(urlPathEqualTo(list[1])).withQueryParam("include_custom_fields", equalTo("12")));
        }
    }

    @Test
    void customFieldsOnListsHaloDoesNotDocumentThemForFailAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("halopsa:supplier?customFields=CFApprover"))
                .hasMessageContaining("customFields on list")
                .hasMessageContaining("halopsa:asset, halopsa:client, halopsa:item, halopsa:opportunity, "
                                      + "halopsa:project, halopsa:site, halopsa:ticket, halopsa:user")
                .hasMessageContaining("not for halopsa:supplier");
        assertThatThrownBy(() -> context.getEndpoint("halopsa:ticket?customFieldsRefreshInterval=0"))
                .hasMessageContaining("customFieldsRefreshInterval");
        assertThat(context.getEndpoint("halopsa:supplier?operation=get&customFields=CFApprover")).isNotNull();

        Exchange byHeader = send("halopsa:supplier", null, Map.of(HaloPsaConstants.CUSTOM_FIELDS, "CFApprover"));
        assertThat(byHeader.getException()).hasMessageContaining("not for halopsa:supplier");
        assertThat(apiRequests()).isEmpty();
    }
}
