package io.github.camelhalopsa.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write moves the record's last-change time (last_update, alastupdate, slastupdate, dlastupdate, ulastupdate),
 * to the millisecond and strictly past the time before, and the change log lists each version once.
 */
class ChangeTimesTest {

    private static final MutableClock CLOCK = new MutableClock();
    private static final String MILLIS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static HaloSandbox sandbox;
    private HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().clock(CLOCK));
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
    void eachCollectionsWriteSetsItsOwnLastChangeFieldToTheClockInMilliseconds() {
        CLOCK.advance(Duration.ofMillis(250));
        String expected = HaloTimes.format(CLOCK.instant());
        Map<String, String> written = Map.of(
                "/Tickets", "[{\"summary\":\"Scanner offline\",\"user_id\":3}]",
                "/Client", "[{\"id\":2,\"name\":\"Acme Dental Group\"}]",
                "/Site", "[{\"id\":2,\"name\":\"Main Surgery\"}]",
                "/Asset", "[{\"id\":1,\"inventory_number\":\"ACME-LAP-01b\"}]",
                "/Users", "[{\"id\":1,\"firstname\":\"Ana\"}]");
        Map<String, String> fields = Map.of("/Tickets", "last_update", "/Client", "alastupdate",
                "/Site", "slastupdate", "/Asset", "dlastupdate", "/Users", "ulastupdate");

        written.forEach((path, body) -> {
            Map<String, Object> saved = json(http.post(path, body));
            assertThat(saved.get(fields.get(path))).as(path).isEqualTo(expected);
            assertThat((String) saved.get(fields.get(path))).as(path).matches(MILLIS_UTC);
        });
    }

    @Test
    void writesInTheSameMillisecondGetTimesOneMillisecondApart() {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> saved = json(http.post("/Tickets", "[{\"id\":5,\"priority_id\":" + (i + 1) + "}]"));
            times.add(Instant.parse((String) saved.get("last_update")));
        }
        CLOCK.advance(Duration.ofSeconds(2));
        Map<String, Object> later = json(http.post("/Tickets", "[{\"id\":5,\"priority_id\":4}]"));

        assertThat(times.get(1)).isEqualTo(times.get(0).plusMillis(1));
        assertThat(times.get(2)).isEqualTo(times.get(0).plusMillis(2));
        // once the clock has moved on, the time is the clock's again
        assertThat(later.get("last_update")).isEqualTo(HaloTimes.format(CLOCK.instant()));
    }

    @Test
    void anActionAddedToATicketMovesTheTicketsLastUpdate() {
        String before = (String) sandbox.data().get(SandboxCollection.ticket, 5).orElseThrow().get("last_update");
        CLOCK.advance(Duration.ofMillis(10));

        Map<String, Object> action = json(http.post("/Actions",
                "[{\"ticket_id\":5,\"outcome\":\"Phone Call\",\"note\":\"Called back\"}]"));

        Map<String, Object> ticket = sandbox.data().get(SandboxCollection.ticket, 5).orElseThrow();
        assertThat((String) action.get("datetime")).matches(MILLIS_UTC);
        assertThat(Instant.parse((String) ticket.get("last_update"))).isAfter(Instant.parse(before));
        assertThat(ticket).containsEntry("lastactiondate", action.get("datetime"));
    }

    @Test
    void theChangeLogHasEveryVersionOnceAndNotTheDemoData() {
        assertThat(sandbox.changeLog()).isEmpty();

        Map<String, Object> created = json(http.post("/Tickets", "[{\"summary\":\"Scanner offline\",\"user_id\":3}]"));
        Object id = created.get("id");
        json(http.post("/Tickets", "[{\"id\":" + id + ",\"status_id\":2}]"));
        json(http.post("/Actions", "[{\"ticket_id\":" + id + ",\"outcome\":\"Private Note\",\"note\":\"n\"}]"));
        sandbox.data().save(SandboxCollection.client, new LinkedHashMap<>(Map.of("id", 2, "name", "Acme")));

        List<RecordVersion> log = sandbox.changeLog();
        Map<String, Object> ticket = sandbox.data().get(SandboxCollection.ticket, id).orElseThrow();
        assertThat(log).extracting(RecordVersion::collection).containsExactly(SandboxCollection.ticket,
                SandboxCollection.ticket, SandboxCollection.action, SandboxCollection.ticket, SandboxCollection.client);
        assertThat(log.get(2).key()).isEqualTo(id + "/1");
        assertThat(log.get(3)).isEqualTo(new RecordVersion(SandboxCollection.ticket, String.valueOf(id),
                (String) ticket.get("last_update")));
        List<String> ticketTimes = log.stream().filter(v -> v.collection() == SandboxCollection.ticket)
                .map(RecordVersion::changedAt).collect(Collectors.toList());
        assertThat(ticketTimes).doesNotHaveDuplicates().isSorted();

        sandbox.reset();
        assertThat(sandbox.changeLog()).isEmpty();
    }

    @Test
    void demoRecordsCarryALastChangeFromTheirOwnDates() {
        // ticket 1 was opened at 08:41 and last acted on at 09:10 (demo-data.json)
        assertThat(sandbox.data().get(SandboxCollection.ticket, 1).orElseThrow())
                .containsEntry("last_update", "2025-03-03T09:10:00.000Z");
        assertThat((String) sandbox.data().get(SandboxCollection.site, 1).orElseThrow().get("slastupdate"))
                .matches(MILLIS_UTC);
    }

    @Test
    void listRowsCarryTheLastChangeField() {
        Map<String, String> lists = Map.of("/Tickets?pageinate=true&page_no=1", "tickets",
                "/Client?pageinate=true&page_no=1", "clients", "/Site?pageinate=true&page_no=1", "sites",
                "/Asset?pageinate=true&page_no=1", "assets", "/Users?pageinate=true&page_no=1", "users");
        Map<String, String> fields = Map.of("tickets", "last_update", "clients", "alastupdate", "sites",
                "slastupdate", "assets", "dlastupdate", "users", "ulastupdate");

        lists.forEach((path, key) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) json(http.get(path)).get(key);
            assertThat(rows).as(path).isNotEmpty()
                    .allSatisfy(row -> assertThat((String) row.get(fields.get(key))).matches(MILLIS_UTC));
        });
    }
}
