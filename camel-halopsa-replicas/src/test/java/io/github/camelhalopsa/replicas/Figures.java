package io.github.camelhalopsa.replicas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures a test measured: printed, and written to target/figures/replicas-NAME.txt for the docs. */
final class Figures {

    private final StringBuilder text = new StringBuilder();
    private final String name;

    Figures(String name) {
        this.name = name;
    }

    Figures line(String format, Object... values) {
        text.append(String.format(format, values)).append('\n');
        return this;
    }

    void write() {
        System.out.print(text);
        try {
            Path folder = Path.of("target", "figures");
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("replicas-" + name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
