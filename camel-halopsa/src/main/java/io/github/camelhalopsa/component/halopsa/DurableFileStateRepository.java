package io.github.camelhalopsa.component.halopsa;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;

/**
 * A file-backed {@link StateRepository} whose every {@link #setState} is on disk when it returns, and which a crash
 * cannot leave half-written.
 * <p>
 * Camel's FileStateRepository appends {@code key=value} lines without forcing them to disk, and from time to time
 * rewrites its file in place: a power loss can drop the last watermarks (tickets delivered again), and a crash during
 * a rewrite can leave a cut-off or empty file (a watermark lost or cut short). Here each change writes the whole
 * (small) file to a temporary file beside it, forces it to disk, and renames it over the old one, so the file is
 * always either the previous or the new version. The price is a disk flush per change: see the New Ticket Record
 * documentation for measured figures.
 * <p>
 * Keys and values may hold any character. The file is a Java properties file.
 */
public class DurableFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Map<String, String> states = new TreeMap<>();
    private File fileStore;

    public DurableFileStateRepository() {
    }

    public DurableFileStateRepository(File fileStore) {
        this.fileStore = fileStore;
    }

    public File getFileStore() {
        return fileStore;
    }

    /** The file that holds the states; its folder is created when missing. */
    public void setFileStore(File fileStore) {
        this.fileStore = fileStore;
    }

    public String getFilePath() {
        return fileStore == null ? null : fileStore.getPath();
    }

    /**
     * The file that holds the states, as a path: for binding from properties
     * ({@code camel.beans.ticketState.filePath = /var/lib/app/tickets.properties}), since Camel has no standard
     * conversion from text to a File.
     */
    public void setFilePath(String filePath) {
        this.fileStore = new File(filePath);
    }

    @Override
    public synchronized void setState(String key, String value) {
        ObjectHelper.notNull(key, "key");
        ObjectHelper.notNull(value, "value");
        String previous = states.put(key, value);
        try {
            write();
        } catch (IOException e) {
            // memory must not run ahead of the disk: a later successful write would hide that this one failed
            if (previous == null) {
                states.remove(key);
            } else {
                states.put(key, previous);
            }
            throw new UncheckedIOException("Could not save state " + key + " to " + fileStore + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String getState(String key) {
        return states.get(key);
    }

    @Override
    protected synchronized void doStart() throws Exception {
        ObjectHelper.notNull(fileStore, "fileStore", this);
        states.clear();
        Path file = fileStore.toPath();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> states.put((String) key, (String) value));
        }
        // a temporary file left by a crash is an unfinished write: the main file has the last finished one
        Files.deleteIfExists(temporaryFile());
    }

    @Override
    protected synchronized void doStop() {
        // every change is on disk already; forget them so the next start reads what the file holds then
        states.clear();
    }

    private void write() throws IOException {
        Path file = fileStore.toPath().toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.putAll(states);
        StringWriter text = new StringWriter();
        properties.store(text, "States of camel-halopsa consumers (DurableFileStateRepository)");
        Path temporary = temporaryFile();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceFolder(folder);
    }

    /** Makes the rename itself durable. Possible on Linux and macOS; Windows refuses to open a folder, and needs not. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // nothing more can be done on this platform
        }
    }

    private Path temporaryFile() {
        Path file = fileStore.toPath().toAbsolutePath();
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    @Override
    public String toString() {
        return "DurableFileStateRepository[" + fileStore + "]";
    }
}
