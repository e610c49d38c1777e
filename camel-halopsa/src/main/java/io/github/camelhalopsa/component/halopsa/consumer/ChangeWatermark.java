package io.github.camelhalopsa.component.halopsa.consumer;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelException;

/**
 * What a change trigger (updated records, new actions) has delivered: nothing older than the floor is delivered, and
 * of what is newer, the keys delivered are remembered.
 * <p>
 * The floor trails the newest time delivered by the overlap. Halo stamps a change when it makes it, not when it
 * becomes visible, so a change stamped a little before one already delivered can still appear; the overlap is how
 * long such a change may lag and still be delivered. Each poll asks Halo for the records changed from the floor on,
 * and the remembered keys remove the ones already delivered, so a filter that is inclusive, exclusive, a few seconds
 * off, or ignored altogether changes what is read, never what is delivered.
 */
public final class ChangeWatermark implements TriggerState {

    private final RecordVersions versions;
    private final Duration overlap;
    private ChangeTime floor;
    private ChangeTime newest;
    // key → time of the change, for the keys at or above the floor
    private final Map<String, ChangeTime> delivered = new LinkedHashMap<>();

    ChangeWatermark(RecordVersions versions, Duration overlap, ChangeTime floor, ChangeTime newest) {
        this.versions = versions;
        this.overlap = overlap;
        this.floor = floor;
        this.newest = newest;
    }

    /** The oldest time still delivered; null from the beginning. */
    public ChangeTime floor() {
        return floor;
    }

    /** The newest time delivered (or the start). */
    public ChangeTime newest() {
        return newest;
    }

    /** How many delivered keys are remembered. */
    public int remembered() {
        return delivered.size();
    }

    /** Whether a version of a record seen now has yet to be delivered. */
    public boolean isPending(String key, ChangeTime time) {
        return (floor == null || !time.isBefore(floor)) && !delivered.containsKey(key);
    }

    @Override
    public void handled(Map<String, Object> record) throws CamelException {
        ChangeTime time = versions.timeOf(record);
        remember(versions.keyOf(record, time), time);
    }

    /** Records a version as delivered (or, for a baseline, as seen before the start). */
    void remember(String key, ChangeTime time) {
        newest = ChangeTime.latest(newest, time);
        delivered.put(key, time);
        ChangeTime trailing = newest.minus(overlap);
        if (floor == null || floor.isBefore(trailing)) {
            floor = trailing;
            Iterator<ChangeTime> it = delivered.values().iterator();
            while (it.hasNext()) {
                if (it.next().isBefore(floor)) {
                    it.remove();
                }
            }
        }
    }

    @Override
    public String format(ObjectMapper mapper) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("floor", floor == null ? null : floor.stored());
        value.put("newest", newest == null ? null : newest.stored());
        Map<String, String> keys = new LinkedHashMap<>();
        delivered.forEach((key, time) -> keys.put(key, time.stored()));
        value.put("delivered", keys);
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the change watermark", e);
        }
    }

    /**
     * Reads a stored state.
     *
     * @throws IllegalArgumentException if the text is not a change trigger's state
     */
    static ChangeWatermark parse(String text, ObjectMapper mapper, RecordVersions versions, Duration overlap) {
        try {
            JsonNode json = mapper.readTree(text.trim());
            JsonNode keys = json == null ? null : json.get("delivered");
            if (keys == null || !keys.isObject() || !json.has("floor") || !json.has("newest")) {
                throw new IllegalArgumentException("expected floor, newest and delivered");
            }
            ChangeWatermark state = new ChangeWatermark(versions, overlap, stored(json.get("floor")),
                    stored(json.get("newest")));
            keys.fields().forEachRemaining(
                    key -> state.delivered.put(key.getKey(), ChangeTime.ofStored(key.getValue().asText())));
            return state;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("it is not a change trigger state (" + e.getMessage() + ")", e);
        }
    }

    /**
     * How far a stored change trigger state has got, as epoch milliseconds of its floor, for a store that must never
     * let a state move back (a replica's late write); null when the text is not such a state or starts from the
     * beginning.
     */
    public static Long progressOf(String text, ObjectMapper mapper) {
        try {
            ChangeWatermark state = parse(text, mapper, null, Duration.ZERO);
            return state.floor == null ? null : state.floor.instant().toEpochMilli();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ChangeTime stored(JsonNode node) {
        return node == null || node.isNull() ? null : ChangeTime.ofStored(node.asText());
    }

    @Override
    public String toString() {
        return floor == null ? "from the beginning"
                : "changes from " + floor + " (newest delivered " + newest + ", " + delivered.size() + " remembered)";
    }
}
