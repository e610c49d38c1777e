package io.github.camelhalopsa.component.halopsa.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Halo's 400 answers that refuse a record for missing required fields or a missing CAB approval, and
 * names what Halo asked for. Halo words these in plain text ("CODE:APP03/2 Please select the CAB members to
 * approve", per the n8n HaloPSA node) or as ASP.NET validation entries ("[0].client_id: The client_id field is
 * required."); the reference integration's troubleshooting reports "Email, Name, Department ... is missing" when a
 * ticket type has mandatory custom fields, and tells users to fill them or make them optional.
 */
final class RequiredFieldsRejection {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern APPROVAL = Pattern.compile("\\bCAB\\b|\\bCODE:APP\\d", FLAGS);
    private static final Pattern ASKS = Pattern.compile("\\b(?:required|mandatory|missing)\\b"
            + "|\\bplease (?:enter|select|provide|fill|choose|specify)\\b"
            + "|\\bmust be (?:entered|selected|set|provided|specified)\\b", FLAGS);
    private static final Pattern CODE = Pattern.compile("^CODE:\\S+\\s*", FLAGS);
    /** A validation entry as HaloErrorMessage flattens it: "[0].client_id: message". */
    private static final Pattern FIELD_ENTRY = Pattern.compile("^(?:\\[\\d+]\\.)?([A-Za-z_][\\w.\\[\\]]*):\\s+(.*)$");
    private static final List<Pattern> NAMING = List.of(
            // "The client_id field is required", "Email, Name, Department is missing", "X are mandatory"
            Pattern.compile("^(?:the )?(.+?)(?: fields?)? (?:is|are)(?: a)? (?:required|mandatory|missing)", FLAGS),
            // "Missing mandatory fields: X, Y", "Required: X"
            Pattern.compile("\\b(?:required|mandatory|missing)(?: fields?)?\\s*:\\s*(.+)$", FLAGS),
            // "Please select the CAB members to approve"
            Pattern.compile("\\bplease (?:enter|select|provide|fill in|choose|specify) (?:a value for )?(?:the )?(.+)$",
                    FLAGS),
            // "An Outcome must be entered for this Action"
            Pattern.compile("^(?:an? |the )?(.+?) must be (?:entered|selected|set|provided|specified)", FLAGS));
    private static final Pattern VAGUE = Pattern.compile("(?:this|that|it|a|the)?\\s*(?:field|value|one)?", FLAGS);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+and\\s+|\\s*&\\s*", FLAGS);
    private static final int MAX_NAME = 80;
    private static final int MAX_NAMES = 20;

    private final List<String> fields;
    private final boolean approval;

    private RequiredFieldsRejection(List<String> fields, boolean approval) {
        this.fields = List.copyOf(fields);
        this.approval = approval;
    }

    /** The rejection a 400's message describes, or null when it is about something else. */
    static RequiredFieldsRejection in(String haloMessage) {
        if (haloMessage == null) {
            return null;
        }
        boolean approval = APPROVAL.matcher(haloMessage).find();
        if (!approval && !ASKS.matcher(haloMessage).find()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (String part : haloMessage.split(";|\\R|(?<=\\.)\\s+")) {
            addNames(part.trim(), fields);
        }
        return new RequiredFieldsRejection(fields, approval);
    }

    private static void addNames(String part, List<String> fields) {
        String text = CODE.matcher(part).replaceFirst("");
        String entryField = null;
        Matcher entry = FIELD_ENTRY.matcher(text);
        if (entry.matches()) {
            entryField = entry.group(1);
            text = entry.group(2);
        }
        List<String> named = new ArrayList<>();
        for (Pattern naming : NAMING) {
            Matcher matcher = naming.matcher(text);
            if (matcher.find()) {
                for (String name : LIST_SEPARATOR.split(matcher.group(1))) {
                    if (!VAGUE.matcher(name.trim()).matches()) {
                        named.add(name);
                    }
                }
                break;
            }
        }
        if (named.isEmpty() && entryField != null && ASKS.matcher(text).find()) {
            // "[0].CFEmail: This field is required": the entry's key is the only name given
            named.add(entryField);
        }
        named.forEach(name -> add(name, fields));
    }

    private static void add(String name, List<String> fields) {
        String cleaned = name.trim().replaceAll("^[\"'`]+|[\"'`.!:]+$", "").trim();
        if (!cleaned.isEmpty() && cleaned.length() <= MAX_NAME && !fields.contains(cleaned)
            && fields.size() < MAX_NAMES) {
            fields.add(cleaned);
        }
    }

    List<String> fields() {
        return fields;
    }

    boolean approval() {
        return approval;
    }

    /** What Halo asked for and the two ways out, as the reference troubleshooting gives them. */
    String hint() {
        StringBuilder hint = new StringBuilder();
        if (!fields.isEmpty()) {
            hint.append("HaloPSA asks for: ").append(String.join(", ", fields)).append(". ");
        }
        if (approval) {
            hint.append("The ticket type's approval process wants a CAB the request did not give: send the CAB "
                        + "with the ticket (new_approvalprocess_cab_id), or use a ticket type whose approval process "
                        + "does not ask for one");
        } else {
            hint.append("Either pass these fields in the record (custom fields under customfields, by name, label or "
                        + "id, e.g. \"customfields\": {\"CFDepartment\": \"Sales\"}), or make them optional in "
                        + "HaloPSA (the ticket type's field list, or the custom field's mandatory setting)");
        }
        return hint.toString();
    }
}
