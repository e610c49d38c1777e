package io.github.camelhalopsa.sandbox;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelhalopsa.sandbox.HaloHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date windows of the lists: lastupdatefromdate/lastupdatetodate, startdate/enddate on actions across tickets,
 * lenient date-time text, the action switches, order by last change, and the option that ignores the windows.
 */
class DateFiltersTest {

    private static final MutableClock CLOCK = new MutableClock();

    private static HaloSandbox sandbox;
    private static HaloSandbox ignoring;
    private HaloHttp http;

    @BeforeAll
    static void start() {
        sandbox = HaloSandbox.start(SandboxOptions.defaults().clock(CLOCK));
        ignoring = HaloSandbox.start(SandboxOptions.defaults().clock(CLOCK).ignoreDateFilters(true));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        ignoring.stop();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        ignoring.reset();
        http = new HaloHttp(sandbox);
    }

    @Test
    void lastUpdateFromDateIsInclusiveAndToDateBoundsTheOtherEnd() {
        CLOCK.advance(Duration.ofMinutes(1));
        String first = (String) json(http.post("/Tickets", "[{\"id\":2,\"priority_id\":1}]")).get("last_update");
        CLOCK.advance(Duration.ofMillis(1));
        String second = (String) json(http.post("/Tickets", "[{\"id\":4,\"priority_id\":1}]")).get("last_update");
        CLOCK.advance(Duration.ofMillis(1));
        String third = (String) json(http.post("/Tickets", "[{\"id\":5,\"priority_id\":1}]")).get("last_update");

        assertThat(ticketIds(http, "lastupdatefromdate=" + enc(second))).containsExactly(4, 5);
        assertThat(ticketIds(http, "lastupdatefromdate=" + enc(first) + "&lastupdatetodate=" + enc(second)))
                .containsExactly(2, 4);
        assertThat(ticketIds(http, "lastupdatefromdate=" + enc(third))).containsExactly(5);
    }

    @Test
    void theBoundsAreReadWithOrWithoutFractionAndOffset() {
        CLOCK.advance(Duration.ofMinutes(1));
        String changed = (String) json(http.post("/Client", "[{\"id\":3,\"name\":\"Northwind\"}]")).get("alastupdate");
        Instant at = Instant.parse(changed);
        // the change is at .xyz of its second: a bound at the whole second before it includes it
        String wholeSecondNoZone = at.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        String withOffset = at.atOffset(ZoneOffset.ofHours(2)).toString();

        for (String bound : List.of(changed, wholeSecondNoZone, withOffset, changed.replace("Z", ""))) {
            assertThat(ids(http, "/Client?lastupdatefromdate=" + enc(bound), "clients")).as(bound).containsExactly(3);
        }
        // the '+' of an offset sent unencoded arrives as a space; it is still the offset
        assertThat(ids(http, "/Client?lastupdatefromdate=" + withOffset.replace("+", "%20"), "clients"))
                .containsExactly(3);
        assertThat(ids(http, "/Client?lastupdatefromdate=" + enc(at.plusMillis(1).toString()), "clients")).isEmpty();
    }

    @Test
    void eachListFiltersOnItsOwnLastChangeField() {
        CLOCK.advance(Duration.ofMinutes(1));
        String since = HaloTimes.format(CLOCK.instant());
        sandbox.data().save(SandboxCollection.site, new LinkedHashMap<>(Map.of("id", 4, "name", "Depot")));
        sandbox.data().save(SandboxCollection.asset, new LinkedHashMap<>(Map.of("id", 3, "key_field", "x")));
        sandbox.data().save(SandboxCollection.user, new LinkedHashMap<>(Map.of("id", 6, "surname", "Ng")));

        assertThat(ids(http, "/Site?lastupdatefromdate=" + enc(since), "sites")).containsExactly(4);
        assertThat(ids(http, "/Asset?lastupdatefromdate=" + enc(since), "assets")).containsExactly(3);
        assertThat(ids(http, "/Users?lastupdatefromdate=" + enc(since), "users")).containsExactly(6);
    }

    @Test
    void aBoundThatIsNoDateTimeIs400NamingTheParameter() {
        HttpResponse<String> response = http.get("/Tickets?lastupdatefromdate=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("lastupdatefromdate", "yesterday", "2025-03-10T09:00:00Z");
    }

    @Test
    void actionsWithADateWindowSpanEveryTicket() {
        CLOCK.advance(Duration.ofMinutes(1));
        String since = HaloTimes.format(CLOCK.instant());
        http.post("/Actions", "[{\"ticket_id\":2,\"outcome\":\"Phone Call\",\"note\":\"a\"}]");
        CLOCK.advance(Duration.ofMillis(5));
        http.post("/Actions", "[{\"ticket_id\":5,\"outcome\":\"Phone Call\",\"note\":\"b\"}]");

        List<Map<String, Object>> actions = actions(http, "startdate=" + enc(since));
        assertThat(actions).extracting(a -> a.get("ticket_id") + "/" + a.get("note")).containsExactly("2/a", "5/b");
        assertThat(actions(http, "startdate=" + enc(since) + "&datesearch=datetime&ticket_id=5"))
                .extracting(a -> a.get("note")).containsExactly("b");
        // a window that ends before the changes: the demo data's actions only
        assertThat(actions(http, "startdate=2025-03-01&enddate=2025-03-04T23:59:59")).hasSize(2);
    }

    @Test
    void actionsWithoutATicketOrADateWindowAreAnEmptyList() {
        Map<String, Object> answer = json(http.get("/Actions"));

        assertThat(answer).containsEntry("record_count", 0).containsEntry("actions", List.of());
        assertThat(actions(http, "ticket_id=1")).hasSize(1);
    }

    @Test
    void theActionSwitchesSelectByWhoAndVisibility() {
        http.post("/Actions", "[{\"ticket_id\":6,\"outcome\":\"Email User\",\"note\":\"agent mail\"}]");
        sandbox.data().save(SandboxCollection.action, new LinkedHashMap<>(Map.of("ticket_id", 6, "outcome",
                ActivityGenerator.CUSTOMER_REPLY_OUTCOME, "note", "customer", "actionby_user_id", 5)));
        sandbox.data().save(SandboxCollection.action, new LinkedHashMap<>(Map.of("ticket_id", 6, "outcome",
                "Status change", "note", "system", "action_systemid", 3, "important", true)));
        http.post("/Actions", "[{\"ticket_id\":6,\"outcome\":\"Private Note\",\"note\":\"private\","
                              + "\"hiddenfromuser\":true}]");
        String all = "ticket_id=6";

        assertThat(notes(all)).hasSize(4);
        assertThat(notes(all + "&agentonly=true")).containsExactly("agent mail", "system", "private");
        assertThat(notes(all + "&excludeprivate=true")).hasSize(3).doesNotContain("private");
        assertThat(notes(all + "&excludesys=true")).hasSize(3).doesNotContain("system");
        assertThat(notes(all + "&conversationonly=true")).hasSize(2).contains("agent mail")
                .doesNotContain("system", "private");
        assertThat(notes(all + "&importantonly=true")).containsExactly("system");
    }

    @Test
    void listsOrderByTheLastChangeField() {
        CLOCK.advance(Duration.ofMinutes(1));
        http.post("/Tickets", "[{\"id\":1,\"priority_id\":1}]");
        CLOCK.advance(Duration.ofMillis(1));
        http.post("/Tickets", "[{\"id\":4,\"priority_id\":1}]");

        List<Object> newestFirst = ids(http, "/Tickets?order=last_update&orderdesc=true", "tickets");
        assertThat(newestFirst.subList(0, 2)).containsExactly(4, 1);
        // demo tickets keep their own dates: ticket 6 (opened 7 March 16:20) before ticket 5 (11:02 the same day)
        assertThat(newestFirst.subList(2, 4)).containsExactly(6, 5);
    }

    @Test
    void withIgnoreDateFiltersTheWindowsChangeNothing() {
        HaloHttp ignorant = new HaloHttp(ignoring);
        String future = "2099-01-01T00:00:00Z";

        assertThat(ticketIds(ignorant, "lastupdatefromdate=" + enc(future))).hasSize(6);
        assertThat(ids(ignorant, "/Client?lastupdatefromdate=" + enc(future), "clients")).hasSize(5);
        // an action window spans every ticket, its dates ignored
        assertThat(actions(ignorant, "startdate=" + enc(future))).hasSize(3);
        assertThat(ticketIds(http, "lastupdatefromdate=" + enc(future))).isEmpty();
    }

    private List<String> notes(String query) {
        return actions(http, query).stream().map(a -> (String) a.get("note")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(HaloHttp client, String query) {
        HttpResponse<String> response = client.get("/Actions?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (List<Map<String, Object>>) json(response).get("actions");
    }

    private static List<Object> ticketIds(HaloHttp client, String query) {
        return ids(client, "/Tickets?pageinate=true&page_no=1&" + query, "tickets");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(HaloHttp client, String pathAndQuery, String key) {
        HttpResponse<String> response = client.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) json(response).get(key)).stream().map(r -> r.get("id")).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
