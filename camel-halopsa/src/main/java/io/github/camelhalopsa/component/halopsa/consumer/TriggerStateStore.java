package io.github.camelhalopsa.component.halopsa.consumer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.connection.UrlText;
import org.apache.camel.spi.StateRepository;

/**
 * Keeps a trigger's state under one key of a Camel {@link StateRepository}.
 *
 * @param <S> the trigger's state
 */
public final class TriggerStateStore<S extends TriggerState> {

    /**
     * Where watermarks live when no state repository is configured: held by the endpoint, so they outlast a route
     * restart (Camel creates a new consumer then) but not the CamelContext. Stopping it clears nothing, unlike Camel's
     * MemoryStateRepository.
     */
    public static final class InMemory implements StateRepository<String, String> {
        private final Map<String, String> states = new ConcurrentHashMap<>();

        @Override
        public void setState(String key, String value) {
            states.put(key, value);
        }

        @Override
        public String getState(String key) {
            return states.get(key);
        }

        @Override
        public void start() {
            // nothing to open
        }

        @Override
        public void stop() {
            // keep the states: the endpoint, and so a restarted route, still needs them
        }
    }

    /**
     * A consumer's key in the state repository: the stateKey option, or one derived from what decides which records
     * it sees (the trigger, the instance and the filters), never from route or context names that change between
     * runs. The New Ticket Record trigger's keys start with {@code ticket@}, as they did before the other triggers.
     */
    public static String keyFor(String stateKey, String triggerName, URI apiBase, Map<String, String> filters) {
        if (stateKey != null) {
            return stateKey.trim();
        }
        String prefix = triggerName.endsWith(".new") ? triggerName.substring(0, triggerName.length() - 4) : triggerName;
        StringBuilder key = new StringBuilder(prefix).append('@').append(apiBase.getAuthority());
        if (!filters.isEmpty()) {
            // encoded, so that no filter value can put '=' or a line break into the key
            key.append(new TreeMap<>(filters).entrySet().stream()
                    .map(e -> encode(e.getKey()) + ":" + encode(e.getValue()))
                    .collect(Collectors.joining(",", "[", "]")));
        }
        return key.toString();
    }

    private static String encode(String text) {
        return UrlText.encode(text);
    }

    private final StateRepository<String, String> repository;
    private final String key;
    private final Trigger<S> trigger;
    private final ObjectMapper mapper;

    public TriggerStateStore(StateRepository<String, String> repository, String key, Trigger<S> trigger,
                             ObjectMapper mapper) {
        this.repository = repository;
        this.key = key;
        this.trigger = trigger;
        this.mapper = mapper;
    }

    /**
     * @return the stored state, or null if there is none yet
     * @throws IllegalStateException if the stored value is not a state, naming the key and how to go on
     */
    public S load() {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return trigger.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The state repository holds '" + text + "' under the key '" + key
                                            + "', and " + e.getMessage() + ". Remove it to start as the since option "
                                            + "says; for a new-record trigger, the id of the last record your routes "
                                            + "handled also works",
                    e);
        }
    }

    public void save(S state) {
        repository.setState(key, state.format(mapper));
    }

    public String key() {
        return key;
    }

    public boolean isPersistent() {
        return !(repository instanceof InMemory);
    }
}
