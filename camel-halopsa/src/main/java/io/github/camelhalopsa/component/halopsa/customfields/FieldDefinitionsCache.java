package io.github.camelhalopsa.component.halopsa.customfields;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom field definitions of one HaloPSA connection, read from {@code /FieldInfo} once and shared by every
 * endpoint on that connection until they are older than the caller's refresh interval. One thread reads at a time;
 * the others wait for its result rather than sending the same call.
 */
public final class FieldDefinitionsCache {

    private static final Logger LOG = LoggerFactory.getLogger(FieldDefinitionsCache.class);

    /** Reads Halo's {@code /FieldInfo} list. */
    @FunctionalInterface
    public interface Loader {
        List<Map<String, Object>> load() throws CamelException;
    }

    private record Snapshot(FieldDefinitions definitions, Instant readAt) {
    }

    private final Loader loader;
    private final Clock clock;
    private final Object loadLock = new Object();
    private volatile Snapshot snapshot;

    public FieldDefinitionsCache(Loader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    /** The definitions, read again first if the ones held are older than {@code maxAge}. */
    public FieldDefinitions get(Duration maxAge) throws CamelException {
        Snapshot current = snapshot;
        if (isFresh(current, maxAge)) {
            return current.definitions();
        }
        synchronized (loadLock) {
            current = snapshot;
            if (isFresh(current, maxAge)) {
                return current.definitions();
            }
            return load().definitions();
        }
    }

    private boolean isFresh(Snapshot current, Duration maxAge) {
        return current != null && current.readAt().plus(maxAge).isAfter(clock.instant());
    }

    private Snapshot load() throws CamelException {
        FieldDefinitions definitions = FieldDefinitions.of(loader.load());
        Snapshot loaded = new Snapshot(definitions, clock.instant());
        snapshot = loaded;
        LOG.debug("Read {} HaloPSA custom field definitions", definitions.size());
        return loaded;
    }
}
