package io.github.camelhalopsa.sandbox;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A request Halo's OpenAPI document does not allow is answered 400 with the reason, and changes nothing. */
class SpecCheckTest {

    private static HaloSandbox sandbox;
    private HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start();
    }

    @BeforeEach
    void client() {
        http = new HaloHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void inventedQueryParameterIs400WithTheReason() {
        // there is no tickettype_id filter on /Tickets (it is requesttype_id): API notes §2.5
        HttpResponse<String> response = http.get("/Tickets?tickettype_id=3");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("tickettype_id", "unexpected");
        // in the shape of Halo's own 400s, so a client reads the reason as it would read Halo's
        assertThat(HaloHttp.json(response)).containsEntry("ClassName", "System.Exception").containsKey("Message");
    }

    @Test
    void oneObjectWhereHaloTakesAnArrayIs400() {
        int before = sandbox.data().size(SandboxCollection.ticket);

        HttpResponse<String> response = http.post("/Tickets", "{\"summary\":\"Printer on fire\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("array");
        assertThat(sandbox.data().size(SandboxCollection.ticket)).isEqualTo(before);
    }

    @Test
    void theChangeTriggersParametersPassTheCheck() {
        // lastupdatefromdate is typed bool in Halo's document; the trimmed copy takes it as text (SOURCE.md, change 8)
        for (String path : List.of("/Tickets", "/Client", "/Site", "/Asset", "/Users")) {
            HttpResponse<String> response = http.get(path + "?lastupdatefromdate=2025-03-10T09:00:00.000Z"
                                                     + "&lastupdatetodate=2025-03-11T09:00:00Z&order=last_update");
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        }
        HttpResponse<String> actions = http.get("/Actions?startdate=2025-03-01T00:00:00Z&enddate=2025-03-11"
                + "&datesearch=datetime&conversationonly=true&agentonly=false&excludesys=true&excludeprivate=true"
                + "&importantonly=false&ticket_id=3");
        assertThat(actions.statusCode()).as(actions.body()).isEqualTo(200);
        // and still refused where the document has no such parameter
        HttpResponse<String> agents = http.get("/Agent?lastupdatefromdate=2025-03-10T09:00:00Z");
        assertThat(agents.statusCode()).isEqualTo(400);
        assertThat(agents.body()).contains("lastupdatefromdate");
    }

    @Test
    void unknownFieldIs400() {
        HttpResponse<String> response = http.post("/Tickets", "[{\"summry\":\"typo\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("summry");
    }

    @Test
    void dateTimeWithoutOffsetIs400() {
        HttpResponse<String> response = http.post("/Tickets", "[{\"summary\":\"x\",\"dateoccurred\":\"2025-01-01T10:00:00\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("dateoccurred");
    }

    @Test
    void theCheckGuardsATestsOwnStubsToo() {
        sandbox.wireMock().stubFor(get(urlPathEqualTo("/api/Agent/me")).willReturn(okJson("{\"id\":99}")));

        assertThat(http.get("/Agent/me").body()).isEqualTo("{\"id\":99}");
        assertThat(http.get("/Agent/me?colour=red").statusCode()).isEqualTo(400);
        assertThat(http.send("GET", "/Agent/me", null).statusCode()).isEqualTo(401);
        sandbox.reset();
        assertThat(HaloHttp.json(new HaloHttp(sandbox).get("/Agent/me"))).containsEntry("name", "API Agent");
    }

    @Test
    void checkCanBeSwitchedOff() {
        try (HaloSandbox lenient = HaloSandbox.start(SandboxOptions.defaults().specCheck(false))) {
            assertThat(new HaloHttp(lenient).get("/Tickets?tickettype_id=3").statusCode()).isEqualTo(200);
        }
    }
}
