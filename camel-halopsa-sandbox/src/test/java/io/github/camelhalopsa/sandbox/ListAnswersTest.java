package io.github.camelhalopsa.sandbox;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static io.github.camelhalopsa.sandbox.HaloHttp.jsonList;
import static org.assertj.core.api.Assertions.assertThat;

/** List answers in Halo's shapes: bare arrays or wrappers, paging, the 100 cap, the silent 50, order and filters. */
class ListAnswersTest {

    private static HaloSandbox sandbox;
    private static HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start();
        http = new HaloHttp(sandbox);
        // 250 clients beyond the demo's five
        for (int i = 1; i <= 250; i++) {
            sandbox.data().save(SandboxCollection.client, new LinkedHashMap<>(Map.of("name", "Bulk client " + i,
                    "toplevel_id", 1)));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @ParameterizedTest
    @EnumSource(names = { "agent", "status", "ticketType", "team", "organisation", "priority", "category", "assetType" })
    void referenceListsAreBareArrays(SandboxCollection collection) {
        HttpResponse<String> response = http.get(collection.path());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(HaloHttp.parse(response)).isInstanceOf(List.class);
        assertThat(jsonList(response)).hasSize(sandbox.data().size(collection)).isNotEmpty();
    }

    @Test
    void wrappedListCarriesRecordCountAndItsKey() {
        Map<String, Object> answer = json(http.get("/ClientContract"));

        assertThat(answer).containsEntry("record_count", 3).doesNotContainKey("page_no");
        assertThat((List<?>) answer.get("contracts")).hasSize(3);
    }

    @Test
    void pagesOnlyWithPageinateAndPageNo() {
        Map<String, Object> page3 = json(http.get("/Client?pageinate=true&page_size=100&page_no=3"));

        assertThat(page3).containsEntry("page_no", 3).containsEntry("page_size", 100).containsEntry("record_count", 255);
        assertThat((List<?>) page3.get("clients")).hasSize(55);
    }

    @Test
    void pageSizeIsCappedAt100() {
        Map<String, Object> page = json(http.get("/Client?pageinate=true&page_size=1000&page_no=1"));

        assertThat((List<?>) page.get("clients")).hasSize(100);
        assertThat(page).containsEntry("record_count", 255);
    }

    @Test
    void assetPagesAreCappedAt50() {
        for (int i = 0; i < 60; i++) {
            sandbox.data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("inventory_number", "BULK-" + i)));
        }
        Map<String, Object> page = json(http.get("/Asset?pageinate=true&page_size=100&page_no=1"));

        assertThat((List<?>) page.get("assets")).hasSize(50);
        assertThat(page).containsEntry("page_size", 50);
    }

    @Test
    void withoutPageinateAPagedListServesItsDefault50AndCountsThem() {
        // forgetting pageinate gives a silent 50-row list whose record_count is 50 (Servosity #203, #209; conduit)
        Map<String, Object> answer = json(http.get("/Client?page_size=100&page_no=2"));

        assertThat((List<?>) answer.get("clients")).hasSize(50);
        assertThat(answer).containsEntry("record_count", 50).doesNotContainKey("page_no");
    }

    @Test
    void withoutPageNoPageinateAloneIsNotPaging() {
        Map<String, Object> answer = json(http.get("/Client?pageinate=true&page_size=100"));

        assertThat((List<?>) answer.get("clients")).hasSize(50);
        assertThat(answer).containsEntry("record_count", 50);
    }

    @Test
    void countLimitsAnUnpagedList() {
        Map<String, Object> answer = json(http.get("/Client?count=7"));

        assertThat((List<?>) answer.get("clients")).hasSize(7);
        assertThat(answer).containsEntry("record_count", 7);
    }

    @Test
    void ordersOnIdDescending() {
        List<Map<String, Object>> tickets = records(json(http.get(
                "/Tickets?pageinate=true&page_size=3&page_no=1&order=id&orderdesc=true")), "tickets");

        assertThat(tickets).extracting(t -> t.get("id")).containsExactly(6, 5, 4);
    }

    @Test
    void filtersOnClientAndOpenTickets() {
        List<Map<String, Object>> northwind = records(json(http.get("/Tickets?client_id=3")), "tickets");
        List<Map<String, Object>> open = records(json(http.get("/Tickets?open_only=true")), "tickets");
        List<Map<String, Object>> sitesOfNorthwind = records(json(http.get("/Site?client_id=3")), "sites");

        assertThat(northwind).extracting(t -> t.get("id")).containsExactly(2, 6);
        assertThat(open).extracting(t -> t.get("status_id")).doesNotContain(SandboxData.CLOSED_STATUS);
        assertThat(sitesOfNorthwind).extracting(s -> s.get("name")).containsExactly("Head Office", "Warehouse");
    }

    @Test
    void searchFindsByName() {
        List<Map<String, Object>> found = records(json(http.get("/Client?search=veterinary")), "clients");

        assertThat(found).extracting(c -> c.get("name")).containsExactly("Riverside Veterinary");
    }

    @Test
    void recordsCarryTheNamesOfWhatTheyReference() {
        Map<String, Object> ticket = json(http.get("/Tickets/2"));

        assertThat(ticket).containsEntry("client_name", "Northwind Logistics").containsEntry("site_name", "Warehouse")
                .containsEntry("user_name", "Jonas Weber");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> answer, String key) {
        return (List<Map<String, Object>>) answer.get(key);
    }
}
