package io.github.camelhalopsa.component.halopsa;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DurableFileStateRepositoryTest {

    @TempDir
    Path folder;

    @Test
    void aStateIsInTheFileWhenSetStateReturns() throws Exception {
        Path file = folder.resolve("state/tickets.properties");
        DurableFileStateRepository repository = new DurableFileStateRepository(file.toFile());
        repository.start();

        repository.setState("ticket@example.halopsa.com", "{\"watermark\":12}");

        // a second instance reads the file as a process started after a crash would: nothing was flushed on stop
        DurableFileStateRepository afterCrash = new DurableFileStateRepository(file.toFile());
        afterCrash.start();
        assertThat(afterCrash.getState("ticket@example.halopsa.com")).isEqualTo("{\"watermark\":12}");
        assertThat(Files.exists(folder.resolve("state/tickets.properties.tmp"))).isFalse();
    }

    @Test
    void keysAndValuesMayHoldAnyCharacter() throws Exception {
        File file = folder.resolve("tickets.properties").toFile();
        DurableFileStateRepository repository = new DurableFileStateRepository(file);
        repository.start();
        repository.setState("a=b:c d\nnext", "line one\nline = two ü");
        repository.stop();

        repository.start();

        assertThat(repository.getState("a=b:c d\nnext")).isEqualTo("line one\nline = two ü");
    }

    @Test
    void aTemporaryFileLeftByACrashIsIgnored() throws Exception {
        Path file = folder.resolve("tickets.properties");
        DurableFileStateRepository repository = new DurableFileStateRepository(file.toFile());
        repository.start();
        repository.setState("k", "finished");
        Files.writeString(folder.resolve("tickets.properties.tmp"), "k=unfinish");

        DurableFileStateRepository restarted = new DurableFileStateRepository(file.toFile());
        restarted.start();

        assertThat(restarted.getState("k")).isEqualTo("finished");
        assertThat(Files.exists(folder.resolve("tickets.properties.tmp"))).isFalse();
    }

    @Test
    void aStateThatCannotBeWrittenIsNotKeptInMemoryEither() throws Exception {
        Path stateFolder = folder.resolve("state");
        DurableFileStateRepository repository = new DurableFileStateRepository(stateFolder.resolve("t.properties").toFile());
        repository.start();
        repository.setState("k", "saved");
        Files.delete(stateFolder.resolve("t.properties"));
        Files.delete(stateFolder);
        Files.writeString(stateFolder, "a file where the folder was");

        Throwable failure = catchThrowable(() -> repository.setState("k", "not saved"));

        assertThat(failure).hasMessageContaining("Could not save state k");
        assertThat(repository.getState("k")).isEqualTo("saved");
    }

    @Test
    void aFileStoreThatCannotBeReadFailsTheStart() throws Exception {
        Path blocked = folder.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        DurableFileStateRepository repository = new DurableFileStateRepository(blocked.resolve("t.properties").toFile());

        assertThat(catchThrowable(repository::start)).hasStackTraceContaining("blocked");
    }

    /**
     * Not a timed test: prints what one saved watermark costs with each repository on this machine's disk, the figure
     * the documentation quotes (target/figures/state-save.txt). Nothing is asserted about speed.
     */
    @Test
    void benchmarkOneSavePerDeliveredTicket() throws Exception {
        int saves = 300;
        DurableFileStateRepository durable = new DurableFileStateRepository(folder.resolve("durable.properties").toFile());
        durable.start();
        FileStateRepository camels = FileStateRepository.fileStateRepository(folder.resolve("camel.state").toFile());
        camels.start();
        String value = "{\"watermark\":%d,\"windowStart\":1135,\"handled\":\"1135-1234\"}";

        long durableNanos = time(saves, i -> durable.setState("ticket@example.halopsa.com", value.formatted(i)));
        long camelNanos = time(saves, i -> camels.setState("ticket@example.halopsa.com", value.formatted(i)));

        TestFigures.record("state-save", String.format(java.util.Locale.ROOT, "state save (%d saves, one per delivered "
                                                       + "ticket): DurableFileStateRepository %.3f ms/save (fsync + "
                                                       + "atomic rename); Camel FileStateRepository %.3f ms/save "
                                                       + "(append, no fsync)",
                saves, durableNanos / 1e6 / saves, camelNanos / 1e6 / saves));
        assertThat(durable.getState("ticket@example.halopsa.com")).isEqualTo(value.formatted(saves - 1));
    }

    private static long time(int times, java.util.function.IntConsumer action) {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            action.accept(i);
        }
        return System.nanoTime() - start;
    }
}
