package io.github.camelhalopsa.replicas;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts replicas as separate JVM processes on the test classpath, each with a properties file of its own and its
 * output in a log file under target/replicas, and destroys every one still running on {@link #close()}.
 */
final class ReplicaProcesses implements AutoCloseable {

    private final Path folder;
    private final List<Process> started = new ArrayList<>();

    ReplicaProcesses(String run) {
        this.folder = Path.of("target", "replicas", run);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process start(String name, Class<?> mainClass, Map<String, String> properties) throws IOException {
        Properties file = new Properties();
        file.putAll(properties);
        Path propertiesFile = folder.resolve(name + ".properties");
        try (var out = Files.newBufferedWriter(propertiesFile)) {
            file.store(out, "replica " + name);
        }
        // surefire runs the tests from a manifest-only jar; it hands the real classpath over in this property
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath, mainClass.getName(), propertiesFile.toAbsolutePath().toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log(name));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    File log(String name) {
        return folder.resolve(name + ".log").toFile();
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.destroyForcibly();
        }
        for (Process process : started) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
