package io.github.camelhalopsa.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A list answer as Halo gives it (API notes §2.4-2.6, recorded notes §2b): filtered, ordered on
 * {@code order}/{@code orderdesc}, and paged only when {@code pageinate=true} comes with a {@code page_no}; otherwise a
 * paged list serves the API agent's default batch of 50 ("forgetting it = silent 50-row lists", I-Servosity#203) or
 * {@code count} records, and its {@code record_count} counts that batch, not the total. Pages are capped at 100 (50
 * for assets) whatever {@code page_size} asks. The answer is a bare array or
 * {@code {"record_count": N, "<key>": [...]}}, with {@code page_no} and {@code page_size} when paged; attachments
 * come as {@code {"attachments": [...], "folders": [...]}}. Rows are list rows ({@link ListRows}).
 */
final class ListQuery {

    /** Halo's page for an API agent when paging is off (I-Servosity#203, PR#204). */
    static final int DEFAULT_PAGE = 50;

    /** Query parameters that select records whose field of the same name has the value (or one of a comma list). */
    private static final Set<String> FIELD_FILTERS = Set.of("client_id", "site_id", "user_id", "ticket_id", "agent_id",
            "status_id", "assettype_id", "toplevel_id", "item_id", "inventory_number");
    /** Halo's ticket-type filter on /Tickets is named after its internal table (RequestType). */
    private static final Map<String, String> RENAMED_FILTERS = Map.of("requesttype_id", "tickettype_id");
    private static final List<String> SEARCHED_FIELDS = List.of("name", "summary", "details", "inventory_number", "ref",
            "title", "subject", "emailaddress", "key_field", "note");

    private ListQuery() {
    }

    static Object answer(SandboxCollection collection, List<Map<String, Object>> all, Map<String, List<String>> query,
                         SandboxOptions options) {
        List<Map<String, Object>> records = select(collection, all, query, options);
        boolean ignoreOrder = collection == SandboxCollection.ticket && options.ticketsIgnoreOrder();
        records.sort(ignoreOrder ? ListQuery::byId : order(collection, query));
        int total = records.size();

        boolean paging = collection.isPaged() && "true".equalsIgnoreCase(Responses.first(query, "pageinate"))
                         && Responses.first(query, "page_no") != null;
        Map<String, Object> wrapper = new LinkedHashMap<>();
        List<Map<String, Object>> served;
        if (paging) {
            int size = Math.min(Math.max(intParam(query, "page_size", DEFAULT_PAGE), 1), collection.maxPageSize());
            int page = Math.max(intParam(query, "page_no", 1), 1);
            long from = Math.min((long) (page - 1) * size, total);
            served = records.subList((int) from, (int) Math.min(from + size, total));
            wrapper.put("page_no", page);
            wrapper.put("page_size", size);
        } else {
            int limit = collection.isPaged() ? DEFAULT_PAGE : Integer.MAX_VALUE;
            String count = Responses.first(query, "count");
            if (count != null) {
                limit = Math.max(intParam(query, "count", limit), 0);
            }
            served = records.subList(0, Math.min(limit, total));
        }
        List<Map<String, Object>> rows = new ArrayList<>(served.size());
        served.forEach(record -> rows.add(ListRows.row(collection, record, query)));
        if (collection.listKey() == null) {
            return rows;
        }
        if (collection == SandboxCollection.attachment) {
            return attachmentView(rows, options);
        }
        // paged, the total of the filtered list (I-HaloAPI#90: 717 against 100 rows); unpaged, Halo counts the batch
        // it served ("a 50-row default batch with record_count=50": Servosity #209, conduit-mcp)
        wrapper.put("record_count", paging ? total : rows.size());
        wrapper.put(collection.listKey(), rows);
        return wrapper;
    }

    /**
     * Halo's {@code Attachment_View}: {@code {"attachments": [...], "folders": [...]}}, the folders sidecar always
     * there and no {@code record_count} (Servosity msp-skills #265, R2).
     */
    private static Map<String, Object> attachmentView(List<Map<String, Object>> rows, SandboxOptions options) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(SandboxCollection.attachment.listKey(), rows.isEmpty() && options.emptyAttachmentsAsNull() ? null : rows);
        List<Map<String, Object>> folders = new ArrayList<>();
        List<String> names = options.attachmentFolders();
        for (int i = 0; i < names.size(); i++) {
            Map<String, Object> folder = new LinkedHashMap<>();
            folder.put("id", i + 1);
            folder.put("name", names.get(i));
            folders.add(folder);
        }
        view.put("folders", folders);
        return view;
    }

    private static int byId(Map<String, Object> a, Map<String, Object> b) {
        return compare(a.get("id"), b.get("id"));
    }

    private static List<Map<String, Object>> select(SandboxCollection collection, List<Map<String, Object>> all,
                                                    Map<String, List<String>> query, SandboxOptions options) {
        if (collection == SandboxCollection.action && Responses.first(query, "ticket_id") == null
            && !DateFilters.asksForActionWindow(query)) {
            // the sandbox's guess at Halo's answer: its ticket_id is an int that defaults to 0, and no ticket has id
            // 0; HaloAPI's Get-HaloAction makes -TicketID mandatory for lists. A date window spans every ticket.
            return new ArrayList<>();
        }
        Predicate<Map<String, Object>> dates = DateFilters.of(collection, query, options);
        Predicate<Map<String, Object>> actionSwitches = collection == SandboxCollection.action
                ? ActionFilters.of(query) : record -> true;
        boolean deletedOnly = "true".equalsIgnoreCase(Responses.first(query, "deleted"));
        boolean openOnly = "true".equalsIgnoreCase(Responses.first(query, "open_only"));
        boolean closedOnly = "true".equalsIgnoreCase(Responses.first(query, "closed_only"));
        String search = Responses.first(query, "search");
        Map<String, Set<String>> filters = filters(all, query);

        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> record : all) {
            if (collection.isSoftDeleted() && Boolean.TRUE.equals(record.get("deleted")) != deletedOnly) {
                continue;
            }
            int status = SandboxData.intValue(record.get("status_id"));
            if ((openOnly && status == SandboxData.CLOSED_STATUS) || (closedOnly && status != SandboxData.CLOSED_STATUS)) {
                continue;
            }
            if (search != null && !search.isBlank() && !matchesSearch(record, search)) {
                continue;
            }
            if (!dates.test(record) || !actionSwitches.test(record)) {
                continue;
            }
            if (filters.entrySet().stream().allMatch(f -> f.getValue().contains(text(record.get(f.getKey()))))) {
                selected.add(record);
            }
        }
        return selected;
    }

    /**
     * The field filters that apply: a parameter filters only a collection whose records have that field, the way
     * Halo's list endpoints take many documented parameters that mean nothing for some records.
     */
    private static Map<String, Set<String>> filters(List<Map<String, Object>> all, Map<String, List<String>> query) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            String field = RENAMED_FILTERS.getOrDefault(name, name);
            if (!FIELD_FILTERS.contains(name) && !RENAMED_FILTERS.containsKey(name)) {
                return;
            }
            if (all.stream().anyMatch(record -> record.containsKey(field))) {
                filters.put(field, values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::trim).map(ListQuery::text).collect(Collectors.toSet()));
            }
        });
        return filters;
    }

    private static boolean matchesSearch(Map<String, Object> record, String search) {
        String wanted = search.toLowerCase(Locale.ROOT);
        return SEARCHED_FIELDS.stream().map(record::get).filter(v -> v != null)
                .anyMatch(v -> String.valueOf(v).toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static Comparator<Map<String, Object>> order(SandboxCollection collection,
                                                         Map<String, List<String>> query) {
        String field = Responses.first(query, "order");
        // actions are numbered per ticket, so a list across tickets goes by ticket, then action (a guess)
        String orderField = field == null || field.isBlank()
                ? (collection.isKeyedByTicket() ? "ticket_id" : "id") : field.trim();
        Comparator<Map<String, Object>> byField = (a, b) -> compare(a.get(orderField), b.get(orderField));
        Comparator<Map<String, Object>> byId = (a, b) -> compare(a.get("id"), b.get("id"));
        Comparator<Map<String, Object>> comparator = byField.thenComparing(byId);
        return "true".equalsIgnoreCase(Responses.first(query, "orderdesc")) ? comparator.reversed() : comparator;
    }

    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (HaloTimes.looksLikeDateTime(a) && HaloTimes.looksLikeDateTime(b)) {
            // by time, not by text: "…T08:41:00Z" and "…T08:41:00.250Z" are in time order only when parsed
            Instant x = HaloTimes.parseOrNull((String) a);
            Instant y = HaloTimes.parseOrNull((String) b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }

    /** Ids compare as text in filters: 12, 12.0 and "12" are one client. */
    private static String text(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return String.valueOf(number.longValue());
        }
        String text = String.valueOf(value);
        if (text.matches("-?\\d+\\.0+")) {
            return text.substring(0, text.indexOf('.'));
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static int intParam(Map<String, List<String>> query, String name, int fallback) {
        String value = Responses.first(query, name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
