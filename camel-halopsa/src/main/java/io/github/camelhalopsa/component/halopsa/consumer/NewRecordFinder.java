package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import io.github.camelhalopsa.component.halopsa.records.RecordList;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the records a new-record trigger (New Ticket Record, and new clients, sites, assets and users) has yet to
 * deliver. It reads the list newest first by id and goes on to the next page only while the page holds nothing at or
 * below the watermark: on an idle system one request per poll, in a burst as many pages as the burst fills.
 * <p>
 * Paging by position is exposed to a list that changes while it is read. New tickets push rows down (a row shows up
 * twice, harmless); tickets deleted or leaving a filter pull rows up, and a row can slip past a page boundary unseen.
 * A multi-page read whose {@code record_count} dropped on the way is therefore read again.
 */
public final class NewRecordFinder {

    /** Query parameters the consumer sets itself: a user value would break its reading order or paging. */
    public static final Set<String> RESERVED = Set.of("order", "orderdesc", "pageinate", "page_size", "page_no", "count",
            "ticketidonly");

    /** The endpoint's query.* options as the consumer sends them; refuses the parameters it sets itself. */
    public static Map<String, String> filters(Map<String, Object> queryOptions, String title) {
        return Triggers.filters(queryOptions, RESERVED, title, "it sets order, orderdesc, pageinate, page_size and "
                                                            + "page_no itself to read records newest first by id, and "
                                                            + "count or ticketidonly would cut its pages short");
    }

    private static final Logger LOG = LoggerFactory.getLogger(NewRecordFinder.class);
    private static final int READ_ATTEMPTS = 3;

    private final ListFetcher lists;
    private final HaloPsaEntity entity;
    private final Map<String, String> query;
    private volatile boolean orderWarned;

    /**
     * @param filters the user's query.* filters, already checked against {@link #RESERVED}
     */
    public NewRecordFinder(ListFetcher lists, HaloPsaEntity entity, Map<String, String> filters) {
        this.lists = lists;
        this.entity = entity;
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("order", "id");
        query.put("orderdesc", "true");
        this.query = query;
    }

    /**
     * The ids of the newest tickets visible (a page of them, or more where Halo ignores the order): the baseline of
     * {@code since=now}.
     */
    public List<Long> newestVisibleIds() throws CamelException {
        return read(null).seenIds;
    }

    /** Tickets above the watermark, and tickets in the look-back window not handled yet, oldest first. */
    public Trigger.Found find(IdWatermark state) throws CamelException {
        for (int attempt = 1;; attempt++) {
            Read read = read(state);
            if (!read.listShrank) {
                return read.found();
            }
            if (attempt == READ_ATTEMPTS) {
                LOG.warn("The {} list kept shrinking while {} pages of new records were read ({} reads): a record "
                         + "deleted or leaving the filter meanwhile may have moved a new one past a page boundary",
                        entity.path(), read.pages, attempt);
                return read.found();
            }
            LOG.debug("The {} list shrank while {} pages were read; reading it again", entity.path(), read.pages);
        }
    }

    /**
     * One read. It asks for the newest first, and checks the order each page actually has, since no recording shows
     * that {@code /Tickets} honours {@code order=id}: newest first, it reads from page 1 until it meets a handled
     * ticket (one request on an idle poll); oldest first, it reads from the last page back (found from
     * {@code record_count}); in no order at all, it reads every page. {@code state} null asks only for the newest
     * tickets, for the {@code since=now} baseline.
     */
    private Read read(IdWatermark state) throws CamelException {
        Read read = new Read();
        lists.readPages(entity, query, entity.maxPageSize(), page -> {
            read.pages++;
            List<Long> ids = ids(page.records());
            if (read.pages == 1) {
                read.firstCount = page.recordCount();
                read.firstPageSize = ids.size();
            } else if (read.firstCount != null && page.recordCount() != null && page.recordCount() < read.firstCount) {
                read.listShrank = true;
            }
            read.order = read.order.then(PageOrder.of(read.lastId, ids));
            read.lastId = ids.isEmpty() ? read.lastId : ids.get(ids.size() - 1);
            read.take(page.records(), ids, state);
            return switch (read.order) {
                case OLDEST_FIRST -> false; // the newest are on the last page: read from there
                case NONE -> true; // every page must be seen
                default -> state != null && !read.reached(state);
            };
        });
        if (read.order == PageOrder.OLDEST_FIRST) {
            readFromTheLastPage(read, state);
        }
        if (read.order != PageOrder.NEWEST_FIRST && read.order != PageOrder.UNKNOWN && !orderWarned) {
            orderWarned = true;
            boolean oldestFirst = read.order == PageOrder.OLDEST_FIRST;
            LOG.warn("HaloPSA answered GET {}?order=id&orderdesc=true {}: the trigger copes, at the price of {}",
                    entity.path(), oldestFirst ? "oldest first" : "in no order by id",
                    oldestFirst ? "one more request per poll (the last page)" : "reading every page on every poll");
        }
        return read;
    }

    /** Oldest first: page 1 was read; the newest are on the last page, and the walk goes back from there. */
    private void readFromTheLastPage(Read read, IdWatermark state) throws CamelException {
        if (read.firstCount == null || read.firstPageSize == 0 || read.firstCount <= read.firstPageSize) {
            if (read.firstCount == null && read.firstPageSize > 0) {
                readEveryPage(read, state); // no count to find the last page by
            }
            return;
        }
        int lastPage = (read.firstCount + read.firstPageSize - 1) / read.firstPageSize;
        for (int pageNo = lastPage; pageNo > 1; pageNo--) {
            RecordList page = lists.fetch(entity, query, read.firstPageSize, pageNo, 0);
            read.pages++;
            List<Long> ids = ids(page.records());
            PageOrder pageOrder = PageOrder.of(null, ids);
            if (pageOrder == PageOrder.NONE || pageOrder == PageOrder.NEWEST_FIRST) {
                read.order = PageOrder.NONE;
                readEveryPage(read, state);
                return;
            }
            read.take(page.records(), ids, state);
            if (state == null || read.reached(state)) {
                return;
            }
        }
    }

    /** The fallback that is right in any order: every page, from page 1. */
    private void readEveryPage(Read read, IdWatermark state) throws CamelException {
        lists.readPages(entity, query, entity.maxPageSize(), page -> {
            read.pages++;
            read.take(page.records(), ids(page.records()), state);
            return true;
        });
    }

    private List<Long> ids(List<Map<String, Object>> records) throws CamelException {
        List<Long> ids = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            ids.add(idOf(record, entity.path()));
        }
        return ids;
    }

    /** A record's id, which the new-record triggers need to be a positive number. */
    public static long idOf(Map<String, Object> record, String listPath) throws CamelException {
        return RecordVersions.positive(record, "id", listPath);
    }

    /** How the ticket ids of the pages read so far run. */
    enum PageOrder {
        /** Fewer than two ids seen: any order fits. */
        UNKNOWN,
        NEWEST_FIRST,
        OLDEST_FIRST,
        NONE;

        /** The order of a page's ids, continuing from the last id of the page before (null on page 1). */
        static PageOrder of(Long previousLast, List<Long> ids) {
            PageOrder order = UNKNOWN;
            Long before = previousLast;
            for (long id : ids) {
                if (before != null) {
                    order = order.then(id < before ? NEWEST_FIRST : id > before ? OLDEST_FIRST : NONE);
                }
                before = id;
            }
            return order;
        }

        PageOrder then(PageOrder next) {
            if (this == UNKNOWN) {
                return next;
            }
            return next == UNKNOWN || next == this ? this : NONE;
        }
    }

    private static final class Read {
        int pages;
        List<Long> seenIds = new ArrayList<>();
        Integer firstCount;
        int firstPageSize;
        boolean listShrank;
        PageOrder order = PageOrder.UNKNOWN;
        Long lastId;
        long lowestSeen = Long.MAX_VALUE;
        final TreeMap<Long, Map<String, Object>> pending = new TreeMap<>();

        /** Keeps what a page holds: its ids for the baseline, its pending tickets for delivery. */
        void take(List<Map<String, Object>> records, List<Long> ids, IdWatermark state) {
            seenIds.addAll(ids);
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                lowestSeen = Math.min(lowestSeen, id);
                if (state != null && state.isPending(id)) {
                    pending.put(id, records.get(i));
                }
            }
        }

        /** Whether the pages read so far reach down to a handled ticket, below which nothing is new. */
        boolean reached(IdWatermark state) {
            return lowestSeen <= state.watermark();
        }

        Trigger.Found found() {
            return new Trigger.Found(new ArrayList<>(pending.values()), pages);
        }
    }
}
