package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds what a change trigger has yet to deliver: it lists the records changed from the floor on (the list's
 * "changed from" parameter, for example {@code lastupdatefromdate}), drops the versions already delivered, and orders
 * the rest oldest change first. On an idle system that is one request per poll. If Halo ignores the parameter, every
 * page of the list is read on every poll: still right, at the cost of one request per page, and said once in the log.
 */
final class ChangeFinder {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFinder.class);

    private final ListFetcher lists;
    private final HaloPsaEntity entity;
    private final Map<String, String> filters;
    private final RecordVersions versions;
    private volatile boolean ignoredFilterWarned;

    ChangeFinder(ListFetcher lists, HaloPsaEntity entity, Map<String, String> filters, RecordVersions versions) {
        this.lists = lists;
        this.entity = entity;
        this.filters = filters;
        this.versions = versions;
    }

    /** The versions to deliver, oldest change first (then by key, so the order is the same on every read). */
    Trigger.Found find(ChangeWatermark state) throws CamelException {
        Read read = read(state.floor(), (key, time) -> state.isPending(key, time));
        List<Version> pending = new ArrayList<>(read.versions.values());
        pending.sort(Comparator.comparing(Version::time).thenComparing(Version::key));
        List<Map<String, Object>> records = new ArrayList<>(pending.size());
        pending.forEach(version -> records.add(version.record));
        return new Trigger.Found(records, read.pages);
    }

    /**
     * The versions visible from a time on, every one of them: the baseline of since=now.
     */
    List<Version> visibleFrom(ChangeTime from) throws CamelException {
        return new ArrayList<>(read(from, (key, time) -> true).versions.values());
    }

    private interface Wanted {
        boolean test(String key, ChangeTime time);
    }

    private Read read(ChangeTime from, Wanted wanted) throws CamelException {
        Map<String, String> query = new LinkedHashMap<>(filters);
        if (from != null) {
            query.put(entity.changes().sinceParameter(), from.asFilter());
        }
        Read read = new Read();
        lists.readPages(entity, query, entity.maxPageSize(), page -> {
            read.pages++;
            for (Map<String, Object> record : page.records()) {
                ChangeTime time = versions.timeOf(record);
                if (from != null && time.isBefore(from)) {
                    read.olderThanAsked++;
                    continue;
                }
                String key = versions.keyOf(record, time);
                if (wanted.test(key, time)) {
                    // a record seen twice in one read (pages shifting while they are read) is delivered once
                    read.versions.putIfAbsent(key, new Version(key, time, record));
                }
            }
            return true;
        });
        if (read.olderThanAsked > 0 && !ignoredFilterWarned) {
            ignoredFilterWarned = true;
            LOG.warn("HaloPSA answered GET {}?{}={} with {} record(s) changed before that time: it seems to ignore the "
                     + "filter. The trigger stays right (it skips what it delivered), but reads every page of the list "
                     + "on every poll ({} request(s) this time)", entity.path(), entity.changes().sinceParameter(),
                    from.asFilter(), read.olderThanAsked, read.pages);
        }
        return read;
    }

    /** One version of a record: its key, its time, and the record as Halo listed it. */
    record Version(String key, ChangeTime time, Map<String, Object> record) {
    }

    private static final class Read {
        int pages;
        int olderThanAsked;
        final Map<String, Version> versions = new LinkedHashMap<>();
    }
}
