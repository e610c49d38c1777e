package io.github.camelhalopsa.sandbox.spec;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shows that the validator both accepts what Halo documents and rejects what it does not. */
class HaloOpenApiTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").jettyAcceptors(1))
            .build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void stubEverything() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void documentedPagingParametersPass() throws Exception {
        send("GET", "/api/Tickets?pageinate=true&page_size=100&page_no=1", null);
        assertNoViolations();
    }

    @Test
    void inventedQueryParameterIsReported() throws Exception {
        send("GET", "/api/tickets?tickettype_id=3", null);
        assertThat(violations()).singleElement().asString()
                .contains("GET /api/tickets?tickettype_id=3", "/Tickets", "tickettype_id");
        assertThatThrownBy(() -> HaloOpenApi.get().assertValid(wm.getAllServeEvents()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tickettype_id");
    }

    @Test
    void objectBodyWhereArrayIsExpectedIsReported() throws Exception {
        send("POST", "/api/Tickets", "{\"summary\":\"Printer on fire\"}");
        assertThat(violations()).singleElement().asString().contains("POST /api/Tickets", "array");
    }

    @Test
    void arrayBodyPasses() throws Exception {
        send("POST", "/api/Tickets", "[{\"summary\":\"Printer on fire\",\"details\":\"Smoke\",\"client_id\":12,\"tickettype_id\":1}]");
        assertNoViolations();
    }

    @Test
    void unknownPropertyInBodyIsReported() throws Exception {
        // Halo's schemas say additionalProperties: false
        send("POST", "/api/Tickets", "[{\"summry\":\"typo\"}]");
        assertThat(violations()).singleElement().asString().contains("summry");
    }

    @Test
    void deleteActionWithTicketIdPasses() throws Exception {
        send("DELETE", "/api/Actions/5?ticket_id=9", null);
        assertNoViolations();
    }

    @Test
    void includeCustomFieldsTakesIdsOnTheEightListsThatDocumentIt() throws Exception {
        for (String list : List.of("Tickets", "Opportunities", "Projects", "Client", "Site", "Asset", "Item", "Users")) {
            send("GET", "/api/" + list + "?include_custom_fields=12%2C14", null);
        }
        assertNoViolations();
        send("GET", "/api/Client?include_custom_fields=CFApprover", null);
        send("GET", "/api/ClientContract?include_custom_fields=12", null);
        assertThat(violations()).hasSize(2).allSatisfy(v -> assertThat(v).contains("include_custom_fields"));
    }

    @Test
    void agentListTakesPaging() throws Exception {
        send("GET", "/api/Agent?pageinate=true&page_no=2&page_size=50", null);
        assertNoViolations();
        send("GET", "/api/Agent?page_no=two", null);
        assertThat(violations()).singleElement().asString().contains("page_no");
    }

    @Test
    void authInfoIsADocumentedPath() throws Exception {
        send("GET", "/api/authinfo", null);
        assertNoViolations();
    }

    @Test
    void unknownPathIsReported() throws Exception {
        send("GET", "/api/Nope", null);
        assertThat(violations()).singleElement().asString().contains("GET /api/Nope");
    }

    @Test
    void tokenEndpointAndNonApiPathsAreIgnored() throws Exception {
        send("POST", "/auth/token", null);
        send("GET", "/healthz", null);
        assertNoViolations();
    }

    @Test
    void agentMeIsNotTakenForAnAgentId() throws Exception {
        send("GET", "/api/agent/me", null);
        send("GET", "/api/Agent/me", null);
        assertNoViolations();
    }

    @Test
    void queryValuesAreDecodedBeforeValidation() throws Exception {
        // "1%2C2" is "1,2", the comma-separated form of Halo's List<int> parameters
        send("GET", "/api/Invoice?paymentstatuses=1%2C2&search=tom%26jerry", null);
        assertNoViolations();
        send("GET", "/api/Invoice?paymentstatuses=1%2Cx", null);
        assertThat(violations()).singleElement().asString().contains("paymentstatuses");
    }

    @Test
    void wrongParameterTypeIsReported() throws Exception {
        send("GET", "/api/Tickets/12?includedetails=maybe", null);
        assertThat(violations()).singleElement().asString().contains("includedetails");
    }

    @Test
    void assertValidListsEveryViolationOfEveryRequest() throws Exception {
        send("GET", "/api/Client?colour=red", null);
        send("GET", "/api/Client?pageinate=true", null);
        send("GET", "/api/Site?flavour=mint&shape=round", null);
        assertThatThrownBy(() -> HaloOpenApi.get().assertValid(wm.getAllServeEvents()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("colour")
                .hasMessageContaining("flavour")
                .hasMessageContaining("shape")
                .hasMessageNotContaining("pageinate");
    }

    private static void send(String method, String pathAndQuery, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(wm.baseUrl() + pathAndQuery));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static List<String> violations() {
        return wm.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .flatMap(r -> HaloOpenApi.get().violations(r).stream())
                .toList();
    }

    private static void assertNoViolations() {
        assertThat(violations()).isEmpty();
        HaloOpenApi.get().assertValid(wm.getAllServeEvents());
    }
}
