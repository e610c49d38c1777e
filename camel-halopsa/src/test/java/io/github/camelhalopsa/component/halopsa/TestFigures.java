package io.github.camelhalopsa.component.halopsa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a test leaves a figure the documentation quotes: one line in {@code target/figures/<name>.txt} (of the module
 * the test runs in), printed too. {@code .ci/run} prints every such file at its end, so each figure in the docs can be
 * traced to the run that printed it.
 */
public final class TestFigures {

    private TestFigures() {
    }

    /** Appends the line: a parameterised test leaves one line per case in one file. */
    public static void record(String name, String line) {
        System.out.println(line);
        Path file = Path.of("target", "figures", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the figure to " + file.toAbsolutePath(), e);
        }
    }
}
