package io.github.camelhalopsa.component.halopsa.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers that read by time: {@code trigger=updated} (each change of a ticket, client, site, asset or user once,
 * oldest change first) and new actions (each action once, across all tickets), kept track of by a
 * {@link ChangeWatermark}.
 */
final class ChangeTrigger implements Trigger<ChangeWatermark> {

    /** Query parameters the trigger sets itself, or that would cut its reads short. */
    static final Set<String> RESERVED = Set.of("lastupdatefromdate", "lastupdatetodate", "startdate", "enddate",
            "datesearch", "pageinate", "page_size", "page_no", "count", "idonly", "ticketidonly");

    /**
     * How far back since=now looks for the versions already there: wider than any time zone offset, so that a Halo
     * that writes local times without an offset is still covered.
     */
    static final Duration BASELINE_LOOK_BACK = Duration.ofDays(1);

    /** The start of "beginning": before any HaloPSA record. */
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    private static final Logger LOG = LoggerFactory.getLogger(ChangeTrigger.class);

    private final HaloPsaEntity entity;
    private final boolean updates;
    private final RecordVersions versions;
    private final ChangeFinder finder;
    private final String since;
    private final Duration overlap;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChangeTrigger(HaloPsaEntity entity, boolean updates, ListFetcher lists, Map<String, String> filters, String since,
                  Duration overlap, ObjectMapper mapper, Clock clock) {
        this.entity = entity;
        this.updates = updates;
        this.versions = new RecordVersions(entity);
        this.finder = new ChangeFinder(lists, entity, filters, versions);
        this.since = since == null ? "now" : since.trim();
        this.overlap = overlap;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The user's query.* filters as the trigger sends them; refuses the parameters it sets itself. */
    static Map<String, String> filters(Map<String, Object> queryOptions, String title) {
        return Triggers.filters(queryOptions, RESERVED, title, "it asks for the records changed since its own "
                                                            + "watermark and reads every page, so none of "
                                                            + String.join(", ", RESERVED.stream().sorted().toList())
                                                            + " can be set");
    }

    @Override
    public String name() {
        return entity + (updates ? ".updated" : ".new");
    }

    @Override
    public String title() {
        return Triggers.title(entity, updates);
    }

    @Override
    public String recordsKey() {
        return entity.listKey();
    }

    /** since as a time: for now, the start of the baseline look-back. */
    private ChangeTime startTime() {
        String value = since.toLowerCase(Locale.ROOT);
        if (value.equals(NewRecordStart.BEGINNING)) {
            // a time rather than no filter: /Actions without a ticket or a date window lists nothing
            return new ChangeTime(BEGINNING, false);
        }
        if (value.equals(NewRecordStart.NOW)) {
            return new ChangeTime(clock.instant().minus(BASELINE_LOOK_BACK), false);
        }
        return ChangeTime.parse(since);
    }

    /** Refuses a since that is none of now, beginning or an ISO-8601 date-time, saying what would do. */
    static void checkSince(String since, String title, boolean updates) {
        String value = since == null ? NewRecordStart.NOW : since.trim().toLowerCase(Locale.ROOT);
        if (value.equals(NewRecordStart.NOW) || value.equals(NewRecordStart.BEGINNING) || ChangeTime.parse(since) != null) {
            return;
        }
        String what = updates ? "changes" : "actions";
        throw new IllegalArgumentException("Invalid since '" + since + "' for the " + title + ": use now (" + what
                                           + " from the first poll on), beginning (everything HaloPSA lists), or an "
                                           + "ISO-8601 date-time such as since=2026-12-01T08:00:00Z (" + what
                                           + " from then on)");
    }

    @Override
    public Start<ChangeWatermark> start() throws CamelException {
        ChangeTime start = startTime();
        if (!since.equalsIgnoreCase(NewRecordStart.NOW)) {
            return new Start<>(new ChangeWatermark(versions, overlap, start, start), false);
        }
        // now: what is visible counts as delivered; Halo's own newest time is the watermark, never this clock
        ChangeWatermark baseline = new ChangeWatermark(versions, overlap, start, start);
        for (ChangeFinder.Version version : finder.visibleFrom(start)) {
            baseline.remember(version.key(), version.time());
        }
        LOG.info("The {} delivers {} from now on: the newest {} HaloPSA shows is {}", title(),
                updates ? "changes" : "actions", versions.timeField(), baseline.newest());
        return new Start<>(baseline, true);
    }

    @Override
    public Found find(ChangeWatermark state) throws CamelException {
        return finder.find(state);
    }

    @Override
    public ChangeWatermark parse(String text) {
        return ChangeWatermark.parse(text, mapper, versions, overlap);
    }

    @Override
    public String describeNext(ChangeWatermark state) {
        return state.floor() == null ? "from the beginning" : "from " + versions.timeField() + " " + state.floor();
    }

    @Override
    public String idOf(Map<String, Object> record) throws CamelException {
        return versions.idOf(record);
    }
}
