package io.github.camelhalopsa.component.halopsa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The tests' own expectations per Halo collection, read from {@code halo-collections.tsv}. */
record HaloCollections(String path, String entity, String listKey, String textField) {

    static final List<HaloCollections> ALL = load();

    boolean bareArray() {
        return "bare".equals(listKey);
    }

    static HaloCollections byPath(String path) {
        String first = "/" + path.split("/")[1];
        return ALL.stream().filter(c -> c.path.equalsIgnoreCase(first)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No collection for " + path));
    }

    static List<String[]> tsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(HaloCollections.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<HaloCollections> load() {
        return tsv("/halo-collections.tsv").stream()
                .map(r -> new HaloCollections(r[0], r[1], r[2].toLowerCase(Locale.ROOT).equals("bare") ? "bare" : r[2], r[3]))
                .toList();
    }
}
