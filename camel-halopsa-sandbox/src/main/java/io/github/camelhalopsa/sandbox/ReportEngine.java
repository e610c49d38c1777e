package io.github.camelhalopsa.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs report SQL over the sandbox's own records, for {@code GET /Report/{id}?loadreport=true} and
 * {@code POST /Report} with {@code _loadreportonly}. The answer is Halo's {@code ReportContent}: {@code loaded},
 * {@code rows}, and {@code load_error} when the SQL cannot run (API notes §2.9).
 * <p>
 * The sandbox has no copy of Halo's database, so this understands a small part of SQL over the API's records:
 * {@code SELECT [TOP n] *|column [AS alias]|COUNT(*) [AS alias], ... FROM table [WHERE column op value [AND ...]]
 * [GROUP BY column] [ORDER BY column [ASC|DESC]]}. Tables are Halo's table names (Faults, Area, Site, Users, Uname,
 * Device, ...) or the API's (Tickets, Client, ...); columns are the API's field names ({@code client_name}, not
 * Halo's {@code aareadesc}). Anything else is answered with a {@code load_error}, as Halo answers broken SQL.
 */
final class ReportEngine {

    private static final Pattern QUERY = Pattern.compile(
            "^\\s*SELECT\\s+(?:TOP\\s+(\\d+)\\s+)?(.+?)\\s+FROM\\s+\\[?(\\w+)\\]?"
            + "(?:\\s+WHERE\\s+(.+?))?(?:\\s+GROUP\\s+BY\\s+(\\w+))?(?:\\s+ORDER\\s+BY\\s+(\\w+)(?:\\s+(ASC|DESC))?)?\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile(
            "^(COUNT\\s*\\(\\s*\\*\\s*\\)|\\w+|\\*)(?:\\s+(?:AS\\s+)?(\\w+))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONDITION = Pattern.compile(
            "^(\\w+)\\s*(?:(=|<>|!=|<=|>=|<|>|\\s+LIKE\\s+)\\s*('(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|true|false)"
            + "|\\s+IS\\s+(NOT\\s+)?NULL)$", Pattern.CASE_INSENSITIVE);

    /** Halo's database table names (from its spec's schema names and peers' SQL), and the API's, to collections. */
    private static final Map<String, SandboxCollection> TABLES = tables();

    private final SandboxData data;

    ReportEngine(SandboxData data) {
        this.data = data;
    }

    /** Halo's ReportContent for the SQL: rows, or a load_error. */
    Map<String, Object> run(String sql) {
        Map<String, Object> content = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> rows = rows(sql == null ? "" : sql);
            content.put("loaded", true);
            content.put("rows", rows);
            content.put("available_columns", rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet()));
        } catch (IllegalArgumentException e) {
            content.put("loaded", false);
            content.put("load_error", e.getMessage());
            content.put("rows", List.of());
        }
        return content;
    }

    private List<Map<String, Object>> rows(String sql) {
        Matcher query = QUERY.matcher(sql);
        if (!query.matches()) {
            throw unsupported("it reads SELECT ... FROM table [WHERE ...] [GROUP BY column] [ORDER BY column]");
        }
        SandboxCollection table = TABLES.get(query.group(3).toLowerCase(Locale.ROOT));
        if (table == null) {
            throw unsupported("it has no table '" + query.group(3) + "'; it knows " + String.join(", ", TABLES.keySet()));
        }
        List<Map<String, Object>> records = data.list(table);
        if (query.group(4) != null) {
            for (String condition : query.group(4).split("(?i)\\s+AND\\s+")) {
                records = filter(records, condition.trim());
            }
        }
        List<Map<String, Object>> rows = select(records, query.group(2), query.group(5));
        if (query.group(6) != null) {
            String column = query.group(6);
            rows.sort((a, b) -> ListQuery.compare(column(a, column), column(b, column)));
            if ("DESC".equalsIgnoreCase(query.group(7))) {
                Collections.reverse(rows);
            }
        }
        if (query.group(1) != null) {
            int top = Integer.parseInt(query.group(1));
            rows = new ArrayList<>(rows.subList(0, Math.min(top, rows.size())));
        }
        return rows;
    }

    private record Item(String column, String alias, boolean count) {
    }

    private List<Map<String, Object>> select(List<Map<String, Object>> records, String list, String groupBy) {
        List<Item> items = new ArrayList<>();
        for (String text : list.split(",")) {
            Matcher item = ITEM.matcher(text.trim());
            if (!item.matches()) {
                throw unsupported("it cannot select '" + text.trim() + "': columns, * and COUNT(*) only");
            }
            boolean count = item.group(1).toUpperCase(Locale.ROOT).startsWith("COUNT");
            String column = count ? null : item.group(1);
            items.add(new Item(column, item.group(2) != null ? item.group(2) : count ? "count" : column, count));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (groupBy == null && items.stream().anyMatch(Item::count)) {
            if (items.size() > 1) {
                throw unsupported("COUNT(*) beside columns needs GROUP BY");
            }
            rows.add(new LinkedHashMap<>(Map.of(items.get(0).alias(), records.size())));
            return rows;
        }
        if (groupBy != null) {
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (Map<String, Object> record : records) {
                groups.computeIfAbsent(String.valueOf(column(record, groupBy)), k -> new ArrayList<>()).add(record);
            }
            for (List<Map<String, Object>> group : groups.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Item item : items) {
                    if (item.count()) {
                        row.put(item.alias(), group.size());
                    } else if (item.column().equalsIgnoreCase(groupBy)) {
                        row.put(item.alias(), column(group.get(0), groupBy));
                    } else {
                        throw unsupported("'" + item.column() + "' is neither grouped nor counted");
                    }
                }
                rows.add(row);
            }
            return rows;
        }
        for (Map<String, Object> record : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Item item : items) {
                if ("*".equals(item.column())) {
                    row.putAll(record);
                } else {
                    row.put(item.alias(), column(record, item.column()));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, Object>> filter(List<Map<String, Object>> records, String text) {
        Matcher condition = CONDITION.matcher(text);
        if (!condition.matches()) {
            throw unsupported("it cannot read the condition '" + text + "': column op value, joined by AND");
        }
        String column = condition.group(1);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Object value = column(record, column);
            boolean keep;
            if (condition.group(2) == null) {
                keep = (value == null) == (condition.group(4) == null);
            } else {
                keep = value != null && test(value, condition.group(2).trim().toUpperCase(Locale.ROOT), condition.group(3));
            }
            if (keep) {
                kept.add(record);
            }
        }
        return kept;
    }

    private static boolean test(Object value, String operator, String literalText) {
        Object literal = literal(literalText);
        if ("LIKE".equals(operator)) {
            String regex = ("\\Q" + literal + "\\E").replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(String.valueOf(value)).matches();
        }
        // SQL Server's bit: true and false compare as 1 and 0
        Object left = value instanceof Boolean b ? (b ? 1 : 0) : value;
        Object right = literal instanceof Boolean b ? (b ? 1 : 0) : literal;
        if (left instanceof Number && !(right instanceof Number)) {
            right = number(String.valueOf(right)).orElse(null);
            if (right == null) {
                return false;
            }
        }
        int comparison = ListQuery.compare(left, right);
        return switch (operator) {
            case "=" -> comparison == 0;
            case "<>", "!=" -> comparison != 0;
            case "<" -> comparison < 0;
            case ">" -> comparison > 0;
            case "<=" -> comparison <= 0;
            default -> comparison >= 0;
        };
    }

    private static Object literal(String text) {
        if (text.startsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        return number(text).orElseThrow();
    }

    private static Optional<Object> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A record's field, by name without regard to case; a field the record lacks reads as NULL. */
    private static Object column(Map<String, Object> record, String name) {
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static IllegalArgumentException unsupported(String why) {
        return new IllegalArgumentException("The HaloPSA sandbox's report engine cannot run this SQL: " + why
                                            + ". Columns are the API's field names, e.g. client_name, status_id");
    }

    private static Map<String, SandboxCollection> tables() {
        Map<String, SandboxCollection> tables = new LinkedHashMap<>();
        tables.put("faults", SandboxCollection.ticket);
        tables.put("actions", SandboxCollection.action);
        tables.put("area", SandboxCollection.client);
        tables.put("site", SandboxCollection.site);
        tables.put("users", SandboxCollection.user);
        tables.put("uname", SandboxCollection.agent);
        tables.put("device", SandboxCollection.asset);
        tables.put("contractheader", SandboxCollection.contract);
        tables.put("item", SandboxCollection.item);
        tables.put("invoiceheader", SandboxCollection.invoice);
        tables.put("company", SandboxCollection.supplier);
        tables.put("kbentry", SandboxCollection.kbArticle);
        tables.put("tstatus", SandboxCollection.status);
        tables.put("requesttype", SandboxCollection.ticketType);
        tables.put("sectiondetail", SandboxCollection.team);
        tables.put("xtype", SandboxCollection.assetType);
        tables.put("tree", SandboxCollection.topLevel);
        for (SandboxCollection collection : SandboxCollection.values()) {
            tables.putIfAbsent(collection.path().substring(1).toLowerCase(Locale.ROOT), collection);
        }
        return tables;
    }
}
