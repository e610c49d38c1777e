package io.github.camelhalopsa.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

/**
 * The {@code examples.*} settings the launcher needs before Camel starts: application.properties, overridden by JVM
 * system properties ({@code -Dexamples.dsl=yaml}). Camel reads the same file for everything else.
 */
final class ExampleSettings {

    private final Properties properties = new Properties();

    private ExampleSettings() {
    }

    static ExampleSettings load(Properties overrides) {
        ExampleSettings settings = new ExampleSettings();
        try (InputStream in = ExampleSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                settings.properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read application.properties", e);
        }
        overrides.stringPropertyNames().stream().filter(name -> name.startsWith("examples."))
                .forEach(name -> settings.properties.setProperty(name, overrides.getProperty(name)));
        return settings;
    }

    String text(String name, String fallback) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    int number(String name, int fallback) {
        String value = text(name, null);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    Duration seconds(String name, Duration fallback) {
        int value = number(name, -1);
        return value < 0 ? fallback : Duration.ofSeconds(value);
    }

    /** java or yaml: which of the two route sets runs. */
    String dsl() {
        String dsl = text("examples.dsl", "java").toLowerCase();
        if (!dsl.equals("java") && !dsl.equals("yaml")) {
            throw new IllegalArgumentException("examples.dsl must be java or yaml, not '" + dsl + "'");
        }
        return dsl;
    }
}
