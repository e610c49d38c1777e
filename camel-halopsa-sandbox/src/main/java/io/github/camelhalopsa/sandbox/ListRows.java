package io.github.camelhalopsa.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list row as Halo serves it: the fields of the list's model, not the full record that {@code GET /X/{id}} answers.
 * <ul>
 * <li>Tickets, opportunities and projects (Halo's {@code Faults}) lose {@code datecreated} and {@code details}. Real
 * ticket list rows never carry {@code datecreated} (Servosity msp-skills CHANGELOG 0.2.3/0.2.4, R2), and Halo's
 * {@code Faults_List} model has no such field. {@code Faults_List} does declare {@code details}; the sandbox leaves
 * it out all the same, the strict side, so that a route reading the description from a list row is caught: read the
 * ticket by id for it.</li>
 * <li>Knowledge-base rows lose {@code resolution} and report rows lose {@code sql}: the list models
 * {@code KBEntry_List} and {@code AnalyzerProfile_List} have neither.</li>
 * <li>{@code customfields} appear on a row only when {@code include_custom_fields} names their ids (a comma list),
 * and then only those fields, on the eight lists Halo documents the parameter for (S2): Tickets, Opportunities,
 * Projects, Client, Site, Asset, Item, Users. Other lists never carry them.</li>
 * </ul>
 * The models are those of Halo's OpenAPI document (the copy the spec check reads from, S1).
 */
final class ListRows {

    /** The lists that take {@code include_custom_fields} (S2). */
    static final Set<SandboxCollection> CUSTOM_FIELD_LISTS = EnumSet.of(SandboxCollection.ticket,
            SandboxCollection.opportunity, SandboxCollection.project, SandboxCollection.client, SandboxCollection.site,
            SandboxCollection.asset, SandboxCollection.item, SandboxCollection.user);

    static final String CUSTOM_FIELDS = "customfields";

    private static final Set<String> FAULTS_FULL_RECORD_ONLY = Set.of("datecreated", "details");
    private static final Map<SandboxCollection, Set<String>> FULL_RECORD_ONLY = Map.of(
            SandboxCollection.ticket, FAULTS_FULL_RECORD_ONLY,
            SandboxCollection.opportunity, FAULTS_FULL_RECORD_ONLY,
            SandboxCollection.project, FAULTS_FULL_RECORD_ONLY,
            SandboxCollection.kbArticle, Set.of("resolution"),
            SandboxCollection.report, Set.of("sql"));

    private ListRows() {
    }

    /** The fields of a full record that its list rows leave out, custom fields aside. */
    static Set<String> fullRecordOnly(SandboxCollection collection) {
        return FULL_RECORD_ONLY.getOrDefault(collection, Set.of());
    }

    /** The row a list serves for one record (a copy: the record itself is left alone). */
    static Map<String, Object> row(SandboxCollection collection, Map<String, Object> record,
                                   Map<String, List<String>> query) {
        Map<String, Object> row = SandboxData.copy(record);
        row.keySet().removeAll(fullRecordOnly(collection));
        row.keySet().removeAll(collection.writeOnlyFields());
        Object customFields = row.remove(CUSTOM_FIELDS);
        Set<String> wanted = CUSTOM_FIELD_LISTS.contains(collection) ? includedIds(query) : Set.of();
        if (!wanted.isEmpty() && customFields instanceof List<?> fields) {
            List<Object> included = new ArrayList<>();
            for (Object field : fields) {
                if (field instanceof Map<?, ?> map && wanted.contains(idText(map.get("id")))) {
                    included.add(field);
                }
            }
            row.put(CUSTOM_FIELDS, included);
        }
        return row;
    }

    private static Set<String> includedIds(Map<String, List<String>> query) {
        List<String> values = query.getOrDefault("include_custom_fields", List.of());
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty())
                .map(ListRows::idText).collect(Collectors.toSet());
    }

    private static String idText(Object id) {
        return String.valueOf(SandboxData.intValue(id));
    }
}
