package io.github.camelhalopsa.component.halopsa.customfields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The custom fields of one HaloPSA instance, read from {@code /FieldInfo}: a route names a field by its name
 * (CFApprover), its label (Approver) or its id, and gets the id Halo's records use.
 */
public final class FieldDefinitions {

    static final int SUGGESTIONS = 3;

    private final List<FieldDefinition> all;
    private final Map<String, FieldDefinition> byName = new LinkedHashMap<>();
    private final Map<String, List<FieldDefinition>> byLabel = new LinkedHashMap<>();

    FieldDefinitions(List<FieldDefinition> definitions) {
        this.all = List.copyOf(definitions);
        for (FieldDefinition definition : all) {
            if (definition.name() != null) {
                byName.putIfAbsent(fold(definition.name()), definition);
            }
            if (definition.label() != null) {
                byLabel.computeIfAbsent(fold(definition.label()), k -> new ArrayList<>()).add(definition);
            }
        }
    }

    /**
     * Reads {@code /FieldInfo} entries. Entries Halo marks as not custom ({@code custom: 0}) are left out, so a
     * built-in field's name can never be taken for a custom field.
     */
    static FieldDefinitions of(List<Map<String, Object>> fieldInfo) {
        List<FieldDefinition> definitions = new ArrayList<>();
        for (Map<String, Object> entry : fieldInfo) {
            if (entry == null || !(entry.get("id") instanceof Number id)) {
                continue;
            }
            if (entry.get("custom") instanceof Number custom && custom.intValue() == 0) {
                continue;
            }
            definitions.add(new FieldDefinition(id.intValue(), text(entry.get("name")), text(entry.get("label"))));
        }
        return new FieldDefinitions(definitions);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public int size() {
        return all.size();
    }

    /** The field a key names: its name first (Halo keeps those unique), else its label if only one field has it. */
    Optional<FieldDefinition> find(String key) throws AmbiguousLabelException {
        String folded = fold(key);
        FieldDefinition named = byName.get(folded);
        if (named != null) {
            return Optional.of(named);
        }
        List<FieldDefinition> labelled = byLabel.getOrDefault(folded, List.of());
        if (labelled.size() > 1) {
            throw new AmbiguousLabelException(labelled);
        }
        return labelled.stream().findFirst();
    }

    /** Looks a field up by name or label without failing on a label several fields share. */
    Optional<FieldDefinition> findQuietly(String key) {
        try {
            return find(key);
        } catch (AmbiguousLabelException e) {
            return Optional.empty();
        }
    }

    /** The known fields whose name or label is closest to a key, best first, as {@link FieldDefinition#describe()}. */
    List<String> closestTo(String key) {
        String folded = fold(key);
        return all.stream()
                .sorted(Comparator.comparingInt((FieldDefinition d) -> distance(folded, d))
                        .thenComparing(d -> d.name() == null ? "" : d.name()))
                .limit(SUGGESTIONS)
                .map(FieldDefinition::describe)
                .collect(Collectors.toList());
    }

    private static int distance(String key, FieldDefinition definition) {
        int best = Integer.MAX_VALUE;
        if (definition.name() != null) {
            String name = fold(definition.name());
            best = Math.min(editDistance(key, name), editDistance("cf" + key, name));
        }
        if (definition.label() != null) {
            best = Math.min(best, editDistance(key, fold(definition.label())));
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String fold(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** A label that more than one field carries: the route has to use the name or id instead. */
    static final class AmbiguousLabelException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldDefinition> candidates;

        AmbiguousLabelException(List<FieldDefinition> candidates) {
            super(null, null, false, false);
            this.candidates = List.copyOf(candidates);
        }

        List<FieldDefinition> candidates() {
            return candidates;
        }
    }
}
