package io.github.camelhalopsa.component.halopsa;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A HaloPSA list whose records change, as the change triggers read it: each record carries its last-change time
 * (tickets {@code last_update}, clients {@code alastupdate}, ...; actions {@code datetime}), the list honours its
 * "changed from" parameter inclusively (or ignores it, as Halo may: its spec is ambiguous), pages with
 * {@code pageinate}/{@code page_no}/{@code page_size} and {@code record_count}, and answers in id order, not by time.
 * Times come from a clock the test moves; they are written without an offset unless told, and a change can be
 * stamped now but shown later, as a save that commits late is.
 */
final class FakeChangeList {

    private static final int HALO_MAX_PAGE = 100;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ObjectMapper mapper = new ObjectMapper();
    private final String path;
    private final String listKey;
    private final String timeField;
    private final String sinceParameter;
    private final boolean paged;
    // key (id, or ticket/id for actions) → the record as listed now
    private final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hidden = new LinkedHashMap<>();
    private final List<String> versions = new ArrayList<>();
    // near this machine's clock, since since=now looks back a day from it for the versions already there
    private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private boolean zoned;
    private boolean ignoreFilter;
    private long lastId;
    private int requests;

    private FakeChangeList(String path, String listKey, String timeField, String sinceParameter, boolean paged) {
        this.path = path;
        this.listKey = listKey;
        this.timeField = timeField;
        this.sinceParameter = sinceParameter;
        this.paged = paged;
    }

    static FakeChangeList tickets() {
        return new FakeChangeList("/Tickets", "tickets", "last_update", "lastupdatefromdate", true);
    }

    static FakeChangeList clients() {
        return new FakeChangeList("/Client", "clients", "alastupdate", "lastupdatefromdate", true);
    }

    /** Actions across tickets: not paged, the time is the action's own, ids are numbered per ticket. */
    static FakeChangeList actions() {
        return new FakeChangeList("/Actions", "actions", "datetime", "startdate", false);
    }

    FakeChangeList install(WireMockExtension halo) {
        ScriptedAnswers.use(this::answer);
        halo.stubFor(get(urlPathEqualTo("/api" + path)).willReturn(aResponse().withTransformers(ScriptedAnswers.NAME)));
        return this;
    }

    /** Halo's own times carry an offset ({@code Z}). */
    synchronized FakeChangeList zoned() {
        this.zoned = true;
        return this;
    }

    /** The list answers as if lastupdatefromdate / startdate were not there. */
    synchronized FakeChangeList ignoreFilter() {
        this.ignoreFilter = true;
        return this;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Creates records with the next ids, stamped now; returns their ids. */
    synchronized List<Long> create(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ++lastId;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", id);
            record.put("name", "Record " + id);
            records.put(String.valueOf(id), record);
            stamp(String.valueOf(id), record);
            ids.add(id);
        }
        return ids;
    }

    /** Adds an action to a ticket, numbered per ticket as Halo does; returns its id. */
    synchronized long addAction(long ticketId, long actionId) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", actionId);
        action.put("ticket_id", ticketId);
        action.put("note", "Reply " + actionId + " on ticket " + ticketId);
        String key = ticketId + "/" + actionId;
        records.put(key, action);
        stamp(key, action);
        return actionId;
    }

    /** Changes a record now: its last-change time moves. */
    synchronized void change(long id) {
        Map<String, Object> record = records.get(String.valueOf(id));
        record.put("name", "Record " + id + " changed at " + now);
        stamp(String.valueOf(id), record);
    }

    /** Changes a record now, but the change shows only when {@link #reveal(long)} is called (a late commit). */
    synchronized void changeUnseen(long id) {
        Map<String, Object> copy = new LinkedHashMap<>(records.get(String.valueOf(id)));
        copy.put("name", "Record " + id + " changed at " + now);
        stamp(String.valueOf(id), copy);
        hidden.put(String.valueOf(id), copy);
    }

    synchronized void reveal(long id) {
        records.put(String.valueOf(id), hidden.remove(String.valueOf(id)));
    }

    /** Every version written, as key@time, in the order written. */
    synchronized List<String> versions() {
        return new ArrayList<>(versions);
    }

    synchronized int requests() {
        return requests;
    }

    private void stamp(String key, Map<String, Object> record) {
        record.put(timeField, format(now));
        versions.add(key + "@" + record.get(timeField));
        now = now.plusMillis(7);
    }

    private String format(Instant time) {
        return LOCAL.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)) + (zoned ? "Z" : "");
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException notZoned) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private synchronized ResponseDefinition answer(LoggedRequest request) {
        requests++;
        List<Map<String, Object>> rows = new ArrayList<>(records.values());
        String since = param(request, sinceParameter);
        if (since != null && !ignoreFilter) {
            Instant from = parse(since);
            rows.removeIf(record -> parse((String) record.get(timeField)).isBefore(from));
        }
        String ticket = param(request, "ticket_id");
        if (ticket != null) {
            rows.removeIf(record -> !ticket.equals(String.valueOf(record.get("ticket_id"))));
        }
        rows.sort(Comparator.comparing(record -> ((Number) record.get("id")).longValue()));
        int total = rows.size();
        List<Map<String, Object>> answer = rows;
        int page = 1;
        if (paged && "true".equals(param(request, "pageinate"))) {
            page = Integer.parseInt(param(request, "page_no"));
            int size = Math.min(Integer.parseInt(param(request, "page_size")), HALO_MAX_PAGE);
            int from = Math.min((page - 1) * size, total);
            answer = rows.subList(from, Math.min(from + size, total));
        }
        Map<String, Object> wrapper = new LinkedHashMap<>();
        if (paged) {
            wrapper.put("page_no", page);
        }
        wrapper.put("record_count", total);
        wrapper.put(listKey, answer);
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(mapper.writeValueAsString(wrapper)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String param(LoggedRequest request, String name) {
        var values = request.queryParameter(name);
        return values.isPresent() ? values.firstValue() : null;
    }
}
