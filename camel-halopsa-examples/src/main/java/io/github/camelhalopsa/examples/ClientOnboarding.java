package io.github.camelhalopsa.examples;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * Workflow 3's records: a signed contract (one JSON file) becomes a client, its site, the contract, and onboarding
 * tickets for the onboarding team. A signed contract reads:
 *
 * <pre>
 * {"client": "Greenfield Bakery", "website": "https://greenfield.example",
 *  "site": {"name": "Bakehouse", "phone": "+44 20 7946 0999"},
 *  "contract": {"ref": "GFB-MSA-2025", "start": "2025-04-01", "months": 24, "monthly_charge": 890}}
 * </pre>
 */
public class ClientOnboarding {

    private List<String> tasks = List.of("Set up user accounts and MFA");
    private int ticketTypeId = 3;
    private int topLevelId;
    private String team = "Onboarding";

    /** The onboarding tickets to open, separated by semicolons. */
    public void setTasks(String text) {
        List<String> parsed = new ArrayList<>();
        for (String task : text.split(";")) {
            if (!task.isBlank()) {
                parsed.add(task.trim());
            }
        }
        this.tasks = List.copyOf(parsed);
    }

    /** The ticket type of onboarding tickets (a Service Request in the sandbox's demo data). */
    public void setTicketTypeId(int ticketTypeId) {
        this.ticketTypeId = ticketTypeId;
    }

    /** The top level new clients go under; 0 leaves it to HaloPSA. */
    public void setTopLevelId(int topLevelId) {
        this.topLevelId = topLevelId;
    }

    /** The team the onboarding tickets go to. */
    public void setTeam(String team) {
        this.team = team;
    }

    public Map<String, Object> client(@Body Map<String, Object> signed) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("name", required(signed, "client"));
        if (signed.get("website") != null) {
            client.put("website", signed.get("website"));
        }
        if (topLevelId > 0) {
            client.put("toplevel_id", topLevelId);
        }
        return client;
    }

    public Map<String, Object> site(@Variable("signed") Map<String, Object> signed,
                                    @Variable("client") Map<String, Object> client) {
        Map<String, Object> given = section(signed, "site");
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("name", given.getOrDefault("name", "Main Office"));
        site.put("client_id", client.get("id"));
        if (given.get("phone") != null) {
            site.put("phonenumber", given.get("phone"));
        }
        return site;
    }

    /** Makes the new site the client's main site, where assets and tickets default to. */
    public Map<String, Object> mainSite(@Variable("client") Map<String, Object> client,
                                        @Variable("site") Map<String, Object> site) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", client.get("id"));
        update.put("main_site_id", site.get("id"));
        return update;
    }

    public Map<String, Object> contract(@Variable("signed") Map<String, Object> signed,
                                        @Variable("client") Map<String, Object> client,
                                        @Variable("site") Map<String, Object> site) {
        Map<String, Object> given = section(signed, "contract");
        LocalDate start = date(required(given, "contract.start"));
        int months = given.get("months") instanceof Number number ? number.intValue() : 12;
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("client_id", client.get("id"));
        contract.put("site_id", site.get("id"));
        contract.put("ref", required(given, "contract.ref"));
        // Halo's date-times need an offset (its spec says date-time)
        contract.put("start_date", start.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        contract.put("end_date", start.plusMonths(months).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        if (given.get("monthly_charge") instanceof Number charge) {
            contract.put("periodchargeamount", charge);
        }
        contract.put("contract_status", "Active");
        return contract;
    }

    /** One ticket per onboarding task, for the onboarding team. */
    public List<Map<String, Object>> tickets(@Variable("client") Map<String, Object> client,
                                             @Variable("site") Map<String, Object> site,
                                             @Variable("contract") Map<String, Object> contract) {
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (String task : tasks) {
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("summary", "Onboarding " + client.get("name") + ": " + task);
            ticket.put("details", "Contract " + contract.get("ref") + " was signed. Onboarding task: " + task + ".");
            ticket.put("client_id", client.get("id"));
            ticket.put("site_id", site.get("id"));
            ticket.put("tickettype_id", ticketTypeId);
            ticket.put("team", team);
            ticket.put("category_1", "Onboarding");
            tickets.add(ticket);
        }
        return tickets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> signed, String name) {
        Object section = signed.get(name);
        return section instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String required(Map<String, Object> values, String name) {
        String key = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
        Object value = values.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalArgumentException("The signed contract has no '" + name + "'");
        }
        return String.valueOf(value);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The signed contract's contract.start '" + text
                                               + "' is not a date like 2025-04-01");
        }
    }
}
