package io.github.camelhalopsa.component.halopsa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * HaloPSA's ticket list as the New Ticket Record consumer sees it, answering {@code GET /api/Tickets} the way Halo
 * does: {@code order}/{@code orderdesc} on id, {@code pageinate} with 1-based {@code page_no} and {@code page_size}
 * capped at 100, a {@code record_count} wrapper, and a {@code client_id} filter. Tickets can be created while the
 * list is being polled, created invisible and shown later (the way a ticket saved concurrently with a newer one
 * appears after it), deleted, and calls can be made to fail.
 */
final class FakeTicketList {

    private static final int HALO_MAX_PAGE = 100;

    private final ObjectMapper mapper = new ObjectMapper();
    private final TreeMap<Long, Map<String, Object>> visible = new TreeMap<>();
    private final Deque<Supplier<ResponseDefinition>> failures = new ArrayDeque<>();
    private long lastId;
    private long clientId = 12;
    private boolean oldestFirst;
    private boolean noOrder;
    private IntConsumer beforePage = page -> {
    };
    private int requests;

    /** Answers {@code GET /api/Tickets} from this list from now on. */
    FakeTicketList install(WireMockExtension halo) {
        ScriptedAnswers.use(this::answer);
        halo.stubFor(get(urlPathEqualTo("/api/Tickets")).willReturn(aResponse().withTransformers(ScriptedAnswers.NAME)));
        return this;
    }

    /** Creates tickets with the next ids, visible at once; returns their ids. */
    synchronized List<Long> create(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ++lastId;
            visible.put(id, ticket(id));
            ids.add(id);
        }
        return ids;
    }

    /** Takes the next id for a ticket that is not visible yet, as if its save had not committed. */
    synchronized long reserve() {
        return ++lastId;
    }

    synchronized void reveal(long id) {
        visible.put(id, ticket(id));
    }

    synchronized void delete(long id) {
        visible.remove(id);
    }

    /** Tickets created from now on belong to this client. */
    synchronized void forClient(long clientId) {
        this.clientId = clientId;
    }

    synchronized long lastId() {
        return lastId;
    }

    synchronized List<Long> visibleIds() {
        return new ArrayList<>(visible.keySet());
    }

    /** The next call fails with this HTTP status and body. */
    synchronized void failNext(int status, String jsonBody) {
        failures.add(() -> new ResponseDefinition(status, jsonBody));
    }

    /** The next call has its connection reset. */
    synchronized void resetNext() {
        failures.add(() -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build());
    }

    /** Answers oldest first whatever the request asks, as a server that ignored orderdesc would. */
    synchronized void ignoreOrder() {
        this.oldestFirst = true;
    }

    /** Answers in an order that is not by id at all (the same on every request), whatever the request asks. */
    synchronized void orderByOtherField() {
        this.noOrder = true;
    }

    /** Runs before a page is answered, with its page number; for changes that happen while a poll reads. */
    synchronized void beforePage(IntConsumer hook) {
        this.beforePage = hook;
    }

    synchronized int requests() {
        return requests;
    }

    private synchronized ResponseDefinition answer(LoggedRequest request) {
        requests++;
        Supplier<ResponseDefinition> failure = failures.poll();
        if (failure != null) {
            return failure.get();
        }
        int page = intParam(request, "page_no", 1);
        beforePage.accept(page);
        List<Map<String, Object>> rows = new ArrayList<>(visible.values());
        String client = param(request, "client_id");
        if (client != null) {
            rows.removeIf(t -> !client.equals(String.valueOf(t.get("client_id"))));
        }
        boolean descending = "id".equals(param(request, "order")) && "true".equals(param(request, "orderdesc"));
        if (noOrder) {
            rows.sort(Comparator.comparing(t -> ((Number) t.get("id")).longValue() * 7919 % 1009));
        } else if (descending && !oldestFirst) {
            rows.sort(Comparator.comparing(t -> -((Number) t.get("id")).longValue()));
        }
        int total = rows.size();
        List<Map<String, Object>> answer = rows;
        if ("true".equals(param(request, "pageinate"))) {
            int size = Math.min(intParam(request, "page_size", 50), HALO_MAX_PAGE);
            int from = Math.min((page - 1) * size, total);
            answer = rows.subList(from, Math.min(from + size, total));
        }
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("page_no", page);
        wrapper.put("record_count", total);
        wrapper.put("tickets", answer);
        try {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(mapper.writeValueAsString(wrapper)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> ticket(long id) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", id);
        ticket.put("summary", "Printer on floor 2 is jammed (" + id + ")");
        ticket.put("client_id", clientId);
        ticket.put("tickettype_id", 1);
        ticket.put("dateoccurred", "2024-05-01T09:00:00Z");
        return ticket;
    }

    private static String param(LoggedRequest request, String name) {
        var values = request.queryParameter(name);
        return values.isPresent() ? values.firstValue() : null;
    }

    private static int intParam(LoggedRequest request, String name, int otherwise) {
        String value = param(request, name);
        return value == null ? otherwise : Integer.parseInt(value);
    }
}
