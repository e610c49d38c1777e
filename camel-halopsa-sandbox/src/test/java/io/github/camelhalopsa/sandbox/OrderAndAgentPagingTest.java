package io.github.camelhalopsa.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static io.github.camelhalopsa.sandbox.HaloHttp.jsonList;
import static org.assertj.core.api.Assertions.assertThat;

/** A /Tickets that ignores order (nobody has recorded that it honours order=id), and /Agent paged as S2 documents. */
class OrderAndAgentPagingTest {

    private static final String NEWEST_FIRST = "/Tickets?pageinate=true&page_size=3&page_no=1&order=id&orderdesc=true";

    @Test
    void ticketsHonourOrderByDefault() {
        try (HaloSandbox sandbox = HaloSandbox.start()) {
            assertThat(ids(json(new HaloHttp(sandbox).get(NEWEST_FIRST)), "tickets")).containsExactly(6, 5, 4);
        }
    }

    @Test
    void ticketsCanIgnoreOrderAndServeTheOldestFirst() {
        try (HaloSandbox sandbox = HaloSandbox.start(SandboxOptions.defaults().ticketsIgnoreOrder(true))) {
            HaloHttp http = new HaloHttp(sandbox);
            Map<String, Object> page = json(http.get(NEWEST_FIRST));

            assertThat(ids(page, "tickets")).containsExactly(1, 2, 3);
            assertThat(page).containsEntry("record_count", 6);
            assertThat(ids(json(http.get("/Tickets?order=summary")), "tickets")).containsExactly(1, 2, 3, 4, 5, 6);
            // only /Tickets ignores it
            assertThat(ids(json(http.get("/Client?order=id&orderdesc=true&count=2")), "clients")).containsExactly(5, 4);
        }
    }

    @Test
    void agentsArePagedAndServeAtMost50Unpaged() {
        try (HaloSandbox sandbox = HaloSandbox.start()) {
            for (int i = 1; i <= 114; i++) {
                sandbox.data().save(SandboxCollection.agent, new LinkedHashMap<>(Map.of("name", "Agent " + i)));
            }
            HaloHttp http = new HaloHttp(sandbox);

            List<Map<String, Object>> unpaged = jsonList(http.get("/Agent"));
            List<Map<String, Object>> page3 = jsonList(http.get("/Agent?pageinate=true&page_no=3&page_size=50"));
            List<Map<String, Object>> big = jsonList(http.get("/Agent?pageinate=true&page_no=1&page_size=500"));

            // 6 demo agents + 114: a bare array, as the unpaged list is
            assertThat(unpaged).hasSize(50);
            assertThat(page3).hasSize(20).first().extracting(a -> a.get("id")).isEqualTo(101);
            assertThat(big).hasSize(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> answer, String key) {
        return ((List<Map<String, Object>>) answer.get(key)).stream().map(r -> r.get("id")).toList();
    }
}
