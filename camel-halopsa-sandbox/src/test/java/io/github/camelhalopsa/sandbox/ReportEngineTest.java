package io.github.camelhalopsa.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The small SQL the sandbox's reports understand, over the demo data. */
class ReportEngineTest {

    private static ReportEngine engine;

    @BeforeAll
    static void demoData() {
        SandboxData data = new SandboxData(Clock.systemUTC());
        DemoData.seed(data);
        engine = new ReportEngine(data);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String sql) {
        Map<String, Object> content = engine.run(sql);
        assertThat(content).as(String.valueOf(content.get("load_error"))).containsEntry("loaded", true);
        return (List<Map<String, Object>>) content.get("rows");
    }

    @Test
    void selectsColumnsWithAliases() {
        assertThat(rows("SELECT name AS client, website FROM Area WHERE id = 2"))
                .containsExactly(Map.of("client", "Acme Dental", "website", "https://acmedental.example"));
    }

    @Test
    void groupsCountsAndOrders() {
        assertThat(rows("select status_id, count(*) as n from faults group by status_id order by status_id desc"))
                .containsExactly(Map.of("status_id", 9, "n", 2), Map.of("status_id", 3, "n", 1),
                        Map.of("status_id", 2, "n", 2), Map.of("status_id", 1, "n", 1));
    }

    @Test
    void whereWithLikeAndComparisons() {
        assertThat(rows("SELECT inventory_number FROM Device WHERE inventory_number LIKE 'STK-LAP%' AND id >= 8"))
                .extracting(r -> r.get("inventory_number")).containsExactly("STK-LAP-0108", "STK-LAP-0109",
                        "STK-LAP-0112");
        assertThat(rows("SELECT id FROM Faults WHERE deleted = 0 AND status_id != 9 AND team IS NOT NULL"))
                .extracting(r -> r.get("id")).containsExactly(1, 2, 4, 5);
    }

    @Test
    void topLimitsAndApiNamesWorkAsTables() {
        assertThat(rows("SELECT TOP 2 * FROM Tickets ORDER BY id DESC")).extracting(r -> r.get("id"))
                .containsExactly(6, 5);
        assertThat(rows("SELECT COUNT(*) AS clients FROM Client")).containsExactly(Map.of("clients", 5));
    }

    @Test
    void whatItCannotRunIsALoadError() {
        for (String sql : List.of("UPDATE faults SET status_id = 9", "SELECT id FROM nowhere",
                "SELECT name, COUNT(*) FROM Area", "SELECT id FROM Faults WHERE status_id IN (1, 2)")) {
            Map<String, Object> content = engine.run(sql);
            assertThat(content).as(sql).containsEntry("loaded", false);
            assertThat((String) content.get("load_error")).as(sql).contains("cannot run this SQL");
        }
    }
}
