package io.github.camelhalopsa.sandbox;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Writes and reads as Halo does them: upserts, per-ticket actions, soft deletes, attachments, reports. */
class RecordsTest {

    private static HaloSandbox sandbox;
    private HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        http = new HaloHttp(sandbox);
    }

    @Test
    void postOfAnArrayIsAnsweredWithTheSavedRecord() {
        HttpResponse<String> response = http.post("/Tickets", "[{\"summary\":\"Scanner offline\",\"user_id\":3}]");

        assertThat(response.statusCode()).isEqualTo(201);
        Map<String, Object> saved = json(response);
        assertThat(saved).containsEntry("summary", "Scanner offline").containsEntry("client_id", 3)
                .containsEntry("site_id", 3).containsEntry("status_id", 1).containsEntry("deleted", false);
        // tickets, opportunities and projects share Halo's Faults table, so ids go on after project 8
        assertThat(saved.get("id")).isEqualTo(9);
        assertThat((String) saved.get("dateoccurred")).endsWith("Z");
        assertThat(sandbox.data().get(SandboxCollection.ticket, 9)).isPresent();
    }

    @Test
    void postWithAnIdUpdatesOnlyTheFieldsSent() {
        Map<String, Object> saved = json(http.post("/Tickets", "[{\"id\":5,\"team\":\"Service Desk\"}]"));

        assertThat(saved).containsEntry("id", 5).containsEntry("team", "Service Desk")
                .containsEntry("summary", "Laptop battery is swelling");
    }

    @Test
    void updateOfAnUnknownIdIs404() {
        HttpResponse<String> response = http.post("/Client", "[{\"id\":999,\"name\":\"Nobody\"}]");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(sandbox.data().get(SandboxCollection.client, 999)).isEmpty();
    }

    @Test
    void getOfAnUnknownIdIs404WithoutABody() {
        // a real tenant's 404 has no message (R4: GET /Actions/3?ticket_id=2200, GET /Agent/{missing})
        for (String path : List.of("/Tickets/999", "/Client/999", "/Agent/999", "/Actions/3?ticket_id=2")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEmpty();
        }
    }

    @Test
    void actionsAreNumberedPerTicket() {
        Map<String, Object> first = json(http.post("/Actions",
                "[{\"ticket_id\":5,\"outcome\":\"Email User\",\"note\":\"We are on it\"}]"));
        Map<String, Object> onTicket2 = json(http.post("/Actions",
                "[{\"ticket_id\":2,\"outcome\":\"Private Note\",\"note\":\"Second visit\"}]"));

        assertThat(first).containsEntry("id", 1).containsEntry("ticket_id", 5);
        // ticket 2 already has action 1 from the demo data
        assertThat(onTicket2).containsEntry("id", 2);
        assertThat(json(http.get("/Actions/1?ticket_id=5"))).containsEntry("note", "We are on it");
        assertThat(json(http.get("/Actions/1?ticket_id=2"))).containsEntry("note", "Site survey booked for Thursday.");
        assertThat(http.get("/Actions/1").statusCode()).isEqualTo(404);
        assertThat(sandbox.data().actions(5)).hasSize(1);
    }

    @Test
    void anActionNeedsAnOutcomeAndIsRefusedAsADotNetException() {
        HttpResponse<String> response = http.post("/Actions", "[{\"ticket_id\":5,\"note\":\"Forgot the outcome\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        // R4: HaloAPI prints "System.Exception: An Outcome must be entered for this Action" from ClassName and Message
        assertThat(json(response)).containsEntry("ClassName", "System.Exception")
                .containsEntry("Message", "An Outcome must be entered for this Action");
        assertThat(sandbox.data().actions(5)).isEmpty();
    }

    @Test
    void anActionWithoutItsTicketIs400WithoutAMessage() {
        // R4: a missing ticket_id gives a 400 with no parsable Message
        HttpResponse<String> response = http.post("/Actions", "[{\"outcome\":\"Private Note\",\"note\":\"Where?\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherBrokenRulesAreDotNetExceptionsToo() {
        HttpResponse<String> response = http.post("/Attachment",
                "[{\"ticket_id\":2,\"filename\":\"x.txt\",\"data_base64\":\"not*base64\"}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("ClassName", "System.Exception")
                .hasEntrySatisfying("Message", m -> assertThat((String) m).contains("data_base64"));
    }

    @Test
    void actionWithNewStatusMovesTheTicket() {
        http.post("/Actions", "[{\"ticket_id\":5,\"outcome\":\"Close\",\"note\":\"Replaced\",\"new_status\":9}]");

        assertThat(sandbox.data().get(SandboxCollection.ticket, 5)).get()
                .extracting(t -> t.get("status_id")).isEqualTo(9);
    }

    @Test
    void deleteOfAnActionNeedsItsTicket() {
        assertThat(http.delete("/Actions/1?ticket_id=1").statusCode()).isEqualTo(200);
        assertThat(sandbox.data().action(1, 1)).isEmpty();
        assertThat(sandbox.data().action(2, 1)).isPresent();
    }

    @Test
    void ticketsAreDeletedSoftlyAndCanBeRecovered() {
        HttpResponse<String> deleted = http.delete("/Tickets/4");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted)).containsEntry("id", 4);
        assertThat(ids(json(http.get("/Tickets")))).doesNotContain(4);
        assertThat(ids(json(http.get("/Tickets?deleted=true")))).containsExactly(4);
        assertThat(http.delete("/Tickets/4").statusCode()).isEqualTo(404);

        http.post("/Tickets", "[{\"id\":4,\"_recover\":true}]");

        assertThat(ids(json(http.get("/Tickets")))).contains(4);
    }

    @Test
    void otherRecordsAreDeletedForGood() {
        assertThat(http.delete("/KBArticle/1").statusCode()).isEqualTo(200);
        assertThat(http.get("/KBArticle/1").statusCode()).isEqualTo(404);
        assertThat(http.delete("/KBArticle/1").statusCode()).isEqualTo(404);
    }

    @Test
    void attachmentsGoInAsBase64AndComeOutAsTheFile() {
        String content = "Line 1\nLine 2 with ümlaut\n";
        String base64 = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> saved = json(http.post("/Attachment",
                "[{\"ticket_id\":2,\"filename\":\"survey notes.txt\",\"data_base64\":\"" + base64 + "\"}]"));

        assertThat(saved).doesNotContainKey("data_base64").containsEntry("filesize", content.getBytes(
                StandardCharsets.UTF_8).length);
        HttpResponse<byte[]> file = http.getBytes("/Attachment/" + saved.get("id"));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"survey notes.txt\"");
        Map<String, Object> list = json(http.get("/Attachment?ticket_id=2"));
        assertThat((List<?>) list.get("attachments")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedReportRunsOverTheSandboxsData() {
        Map<String, Object> report = json(http.get("/Report/2?loadreport=true"));

        Map<String, Object> content = (Map<String, Object>) report.get("report");
        assertThat(content).containsEntry("loaded", true);
        assertThat((List<Object>) content.get("rows")).contains(Map.of("client_name", "Harbour IT Stock", "assets", 6),
                Map.of("client_name", "Acme Dental", "assets", 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sqlPreviewAnswersRowsUnderReport() {
        HttpResponse<String> response = http.post("/Report", "[{\"id\":0,\"name\":\"\",\"sql\":\"SELECT TOP 2 id, summary "
                + "FROM Faults WHERE status_id = 2 ORDER BY id DESC\",\"_loadreportonly\":true}]");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> content = (Map<String, Object>) json(response).get("report");
        assertThat((List<Object>) content.get("rows")).containsExactly(
                Map.of("id", 2, "summary", "Warehouse Wi-Fi drops every afternoon"),
                Map.of("id", 1, "summary", "Printer in surgery 2 shows a paper jam that is not there"));
        assertThat(sandbox.data().size(SandboxCollection.report)).isEqualTo(3);
    }

    @Test
    void sqlTheSandboxCannotRunIsALoadError() {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) json(http.post("/Report",
                "[{\"sql\":\"SELECT f.faultid FROM faults f JOIN area a ON a.aarea = f.areaint\",\"_loadreportonly\":true}]"))
                .get("report");

        assertThat(content).containsEntry("loaded", false);
        assertThat((String) content.get("load_error")).contains("cannot run this SQL");
    }

    @Test
    void agentMeIsTheApplicationsAgent() {
        assertThat(json(http.get("/Agent/me"))).containsEntry("id", 1).containsEntry("name", "API Agent");
    }

    @Test
    void pathsTheSandboxDoesNotEmulateAre501() {
        HttpResponse<String> response = http.get("/FieldInfo");

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("does not emulate GET /api/FieldInfo", "wireMock()");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("tickets")).stream().map(t -> t.get("id")).toList();
    }
}
