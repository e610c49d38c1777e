package io.github.camelhalopsa.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Body;
import org.apache.camel.Variable;

/**
 * Workflow 1's rules: a new ticket is classified by keywords into a category and the team that handles it, assigned
 * to that team, and the customer gets an acknowledgement. The rules come from application.properties
 * ({@code examples.triage.rules}), written {@code Category -> Team: keyword, keyword; ...}.
 */
public class TicketClassifier {

    private record Rule(String category, String team, List<String> keywords) {
    }

    private List<Rule> rules = List.of();
    private Triage fallback = new Triage("General", "Service Desk", null);
    private String acknowledgementOutcome = "Email User";
    private boolean emailCustomer;

    /** {@code Category -> Team: keyword, keyword; Category -> Team: ...}; the first rule with a keyword wins. */
    public void setRules(String text) {
        List<Rule> parsed = new ArrayList<>();
        for (String rule : text.split(";")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] headAndKeywords = rule.split(":", 2);
            String[] categoryAndTeam = headAndKeywords[0].split("->", 2);
            if (headAndKeywords.length != 2 || categoryAndTeam.length != 2) {
                throw new IllegalArgumentException("examples.triage.rules: '" + rule.trim() + "' is not written "
                                                   + "'Category -> Team: keyword, keyword'");
            }
            List<String> keywords = new ArrayList<>();
            for (String keyword : headAndKeywords[1].split(",")) {
                if (!keyword.isBlank()) {
                    keywords.add(keyword.trim().toLowerCase(Locale.ROOT));
                }
            }
            parsed.add(new Rule(categoryAndTeam[0].trim(), categoryAndTeam[1].trim(), keywords));
        }
        this.rules = List.copyOf(parsed);
    }

    /** {@code Category -> Team} for tickets no rule matches. */
    public void setFallback(String text) {
        String[] categoryAndTeam = text.split("->", 2);
        if (categoryAndTeam.length != 2) {
            throw new IllegalArgumentException("examples.triage.fallback: '" + text + "' is not written 'Category -> Team'");
        }
        this.fallback = new Triage(categoryAndTeam[0].trim(), categoryAndTeam[1].trim(), null);
    }

    /** The outcome of the acknowledgement action; it must exist in your HaloPSA (Halo refuses an action without one). */
    public void setAcknowledgementOutcome(String outcome) {
        this.acknowledgementOutcome = outcome;
    }

    /** Whether Halo e-mails the acknowledgement to the customer, or only shows it on the portal. */
    public void setEmailCustomer(boolean emailCustomer) {
        this.emailCustomer = emailCustomer;
    }

    /** Only tickets nobody has routed yet: those without a team. */
    public boolean needsTriage(@Body Map<String, Object> ticket) {
        Object team = ticket.get("team");
        return team == null || String.valueOf(team).isBlank();
    }

    public Triage classify(@Body Map<String, Object> ticket) {
        String text = (ticket.getOrDefault("summary", "") + " " + ticket.getOrDefault("details", ""))
                .toLowerCase(Locale.ROOT);
        for (Rule rule : rules) {
            for (String keyword : rule.keywords()) {
                // whole words, so that "print" does not match "blueprint"
                if (Pattern.compile("\\b" + Pattern.quote(keyword) + "\\b").matcher(text).find()) {
                    return new Triage(rule.category(), rule.team(), keyword);
                }
            }
        }
        return fallback;
    }

    /** The ticket's update: its category and team, nothing else (Halo keeps the fields a POST leaves out). */
    public Map<String, Object> assignment(@Variable("ticket") Map<String, Object> ticket,
                                          @Variable("triage") Triage triage) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", ticket.get("id"));
        update.put("category_1", triage.getCategory());
        update.put("team", triage.getTeam());
        return update;
    }

    /** An action on the ticket that the customer sees; Halo needs an outcome on every action. */
    public Map<String, Object> acknowledgement(@Variable("ticket") Map<String, Object> ticket,
                                               @Variable("triage") Triage triage) {
        Object user = ticket.get("user_name");
        String greeting = user == null || String.valueOf(user).isBlank() ? "Hello" : "Hello " + firstName(user);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("ticket_id", ticket.get("id"));
        action.put("outcome", acknowledgementOutcome);
        action.put("note", greeting + ", thank you for your ticket \"" + ticket.get("summary") + "\". Our "
                           + triage.getTeam() + " team has it and will be in touch.");
        action.put("hiddenfromuser", false);
        action.put("sendemail", emailCustomer);
        return action;
    }

    private static String firstName(Object name) {
        String text = String.valueOf(name).trim();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
