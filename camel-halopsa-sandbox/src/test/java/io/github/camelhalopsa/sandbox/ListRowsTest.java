package io.github.camelhalopsa.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * List rows are the list's fields, not the full record: no {@code datecreated} or {@code details} on ticket rows
 * (R2), custom fields only when {@code include_custom_fields} names them, on the eight lists Halo documents it for (S2).
 */
class ListRowsTest {

    private static final List<Map<String, Object>> CUSTOM_FIELDS = List.of(
            Map.of("id", 12, "name", "CFApprover", "value", "Jane"),
            Map.of("id", 14, "name", "CFDepartment", "value", "Sales"),
            Map.of("id", 15, "name", "CFCostCentre", "value", "CC-9"));

    private static HaloSandbox sandbox;
    private static HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start();
        http = new HaloHttp(sandbox);
        for (SandboxCollection collection : SandboxCollection.values()) {
            if (collection.isKeyedByTicket() || collection == SandboxCollection.attachment
                || sandbox.data().size(collection) == 0) {
                continue;
            }
            Map<String, Object> first = sandbox.data().list(collection).get(0);
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", first.get("id"));
            update.put("customfields", CUSTOM_FIELDS);
            sandbox.data().save(collection, update);
        }
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void ticketRowsHaveNoDateCreatedNorDetailsButTheRecordHas() {
        Map<String, Object> row = row(SandboxCollection.ticket, "/Tickets?pageinate=true&page_no=1&page_size=10", 1);
        Map<String, Object> record = json(http.get("/Tickets/1"));

        assertThat(row).containsEntry("summary", "Printer in surgery 2 shows a paper jam that is not there")
                .containsKey("dateoccurred").doesNotContainKeys("datecreated", "details", "customfields");
        assertThat(record).containsEntry("datecreated", "2025-03-03T08:41:00Z")
                .containsEntry("details", "Error 13.A2 on the LaserJet in surgery 2 since this morning.")
                .containsKey("customfields");
    }

    @Test
    void newTicketsListedAreListRowsToo() {
        Map<String, Object> saved = json(http.post("/Tickets", "[{\"summary\":\"Scanner offline\",\"details\":\"Since 9\"}]"));

        Map<String, Object> row = row(SandboxCollection.ticket, "/Tickets?order=id&orderdesc=true&count=1",
                saved.get("id"));
        assertThat(saved).containsKeys("datecreated", "details");
        assertThat(row).containsEntry("summary", "Scanner offline").doesNotContainKeys("datecreated", "details");
    }

    @ParameterizedTest
    @EnumSource(names = { "ticket", "opportunity", "project", "client", "site", "asset", "item", "user" })
    void customFieldsComeOnlyWhenNamedOnTheEightLists(SandboxCollection collection) {
        Object id = sandbox.data().list(collection).get(0).get("id");
        String list = collection.path() + "?pageinate=true&page_no=1&page_size=50";

        Map<String, Object> plain = row(collection, list, id);
        Map<String, Object> named = row(collection, list + "&include_custom_fields=12%2C15", id);

        assertThat(plain).doesNotContainKey("customfields");
        assertThat(customFieldIds(named)).containsExactly(12, 15);
        assertThat(customFieldIds(json(http.get(collection.path() + "/" + id)))).containsExactly(12, 14, 15);
    }

    @ParameterizedTest
    @EnumSource(names = { "contract", "kbArticle", "invoice", "quote", "supplier" })
    void otherListsNeverCarryCustomFields(SandboxCollection collection) {
        Object id = sandbox.data().list(collection).get(0).get("id");

        assertThat(row(collection, collection.path(), id)).doesNotContainKey("customfields");
        assertThat(json(http.get(collection.path() + "/" + id))).containsKey("customfields");
    }

    @Test
    void knowledgeBaseAndReportRowsLeaveOutWhatTheirListModelsLack() {
        assertThat(row(SandboxCollection.kbArticle, "/KBArticle", 1)).containsKey("name").doesNotContainKey("resolution");
        assertThat(row(SandboxCollection.report, "/Report", 1)).containsKey("name").doesNotContainKey("sql");
        assertThat(json(http.get("/KBArticle/1"))).containsKey("resolution");
        assertThat(json(http.get("/Report/1"))).containsKey("sql");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(SandboxCollection collection, String list, Object id) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json(http.get(list)).get(collection.listKey());
        return rows.stream().filter(r -> String.valueOf(id).equals(String.valueOf(r.get("id")))).findFirst()
                .orElseThrow(() -> new AssertionError(collection + " " + id + " not in " + list));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> customFieldIds(Map<String, Object> record) {
        return ((List<Map<String, Object>>) record.get("customfields")).stream().map(f -> f.get("id")).toList();
    }
}
