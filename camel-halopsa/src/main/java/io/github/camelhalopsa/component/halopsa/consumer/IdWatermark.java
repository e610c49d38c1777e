package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.records.RecordIds;
import org.apache.camel.CamelException;

/**
 * What a new-record trigger (New Ticket Record, new clients, sites, assets, users) has handled: every record up to
 * the watermark (the highest id whose exchange completed), except ids in the look-back window that are not in the
 * handled set.
 * <p>
 * The window exists because ticket ids are handed out when a ticket is inserted, not when it becomes visible: two
 * tickets saved at the same moment can appear in id order 11 then 10. So the newest {@value #LOOK_BACK} ids below the
 * watermark are remembered one by one, and a ticket in that range that was not handled yet is still delivered. Older
 * ids count as handled. The window is in id space rather than records so that query filters cannot stretch it: a late
 * ticket's id is near the ids created with it, whatever else matches the filter.
 */
public final class IdWatermark implements TriggerState {

    /** Width of the look-back window in ticket ids: one page of tickets when nothing is filtered. */
    public static final int LOOK_BACK = 100;

    private long watermark;
    private long windowStart;
    private final NavigableSet<Long> handled = new TreeSet<>();

    private IdWatermark(long watermark, long windowStart) {
        this.watermark = watermark;
        this.windowStart = windowStart;
    }

    /** Nothing up to {@code id} is delivered, everything above it is: {@code since=<id>}, or 0 for the beginning. */
    public static IdWatermark after(long id) {
        return new IdWatermark(id, id + 1);
    }

    /**
     * {@code since=now}: the tickets visible now count as handled, so only tickets that appear later are delivered.
     *
     * @param visibleIds the ids on the first page of the list, newest first (possibly empty)
     */
    public static IdWatermark baseline(Collection<Long> visibleIds) {
        long newest = visibleIds.stream().mapToLong(Long::longValue).max().orElse(0);
        // a late ticket below the newest visible one is new too: the window covers it from the first poll
        IdWatermark state = new IdWatermark(newest, 1);
        state.handled.addAll(visibleIds);
        state.slideWindow();
        return state;
    }

    public long watermark() {
        return watermark;
    }

    public long windowStart() {
        return windowStart;
    }

    /** Whether a ticket that is visible now still has to be delivered. */
    public boolean isPending(long id) {
        return id > watermark || id >= windowStart && !handled.contains(id);
    }

    @Override
    public void handled(Map<String, Object> record) throws CamelException {
        handled(NewRecordFinder.idOf(record, "a list"));
    }

    /** Records a ticket whose exchange completed. */
    public void handled(long id) {
        if (id > watermark) {
            watermark = id;
        }
        if (id >= windowStart) {
            handled.add(id);
        }
        slideWindow();
    }

    private void slideWindow() {
        long start = Math.max(windowStart, watermark - LOOK_BACK + 1);
        if (start > windowStart) {
            windowStart = start;
            handled.headSet(start, false).clear();
        }
    }

    /**
     * The state as one line of JSON: {@code {"watermark":1234,"windowStart":1135,"handled":"1135-1200,1203"}}. JSON so
     * that a value cut short by a crash does not parse, instead of passing as a lower watermark.
     */
    @Override
    public String format(ObjectMapper mapper) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("watermark", watermark);
        value.put("windowStart", windowStart);
        value.put("handled", ranges(handled));
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the ticket watermark", e);
        }
    }

    /**
     * Reads a stored state, or a bare ticket id written by hand (then nothing up to that id is delivered).
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static IdWatermark parse(String text, ObjectMapper mapper) {
        String trimmed = text.trim();
        Long lastHandled = RecordIds.parse(trimmed);
        if (lastHandled != null) {
            return after(lastHandled);
        }
        try {
            JsonNode json = mapper.readTree(trimmed);
            JsonNode watermark = json == null ? null : json.get("watermark");
            JsonNode windowStart = json == null ? null : json.get("windowStart");
            JsonNode handled = json == null ? null : json.get("handled");
            if (watermark == null || !watermark.canConvertToLong() || windowStart == null
                || !windowStart.canConvertToLong() || handled == null || !handled.isTextual()) {
                throw new IllegalArgumentException("expected watermark, windowStart and handled");
            }
            IdWatermark state = new IdWatermark(watermark.asLong(), windowStart.asLong());
            for (Long id : parseRanges(handled.asText())) {
                state.handled(id);
            }
            state.slideWindow();
            return state;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not a new-record trigger state (" + e.getMessage() + ")", e);
        }
    }

    /** Consecutive ids as {@code a-b}: without filters the handled ids are nearly always one run. */
    public static String ranges(NavigableSet<Long> ids) {
        StringBuilder text = new StringBuilder();
        Iterator<Long> it = ids.iterator();
        while (it.hasNext()) {
            long first = it.next();
            long last = first;
            while (ids.higher(last) != null && ids.higher(last) == last + 1) {
                last = it.next();
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(first);
            if (last > first) {
                text.append('-').append(last);
            }
        }
        return text.toString();
    }

    public static List<Long> parseRanges(String text) {
        List<Long> ids = new ArrayList<>();
        if (text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            long first = Long.parseLong(bounds[0].trim());
            long last = bounds.length > 1 ? Long.parseLong(bounds[1].trim()) : first;
            if (bounds.length > 2 || last < first || last - first > LOOK_BACK) {
                throw new IllegalArgumentException("bad id range '" + part + "'");
            }
            for (long id = first; id <= last; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "watermark " + watermark
               + (handled.isEmpty() ? "" : " (look-back from " + windowStart + ", handled " + ranges(handled) + ")");
    }
}
