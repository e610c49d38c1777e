package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import io.github.camelhalopsa.component.halopsa.records.QueryParameters;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tickets the New Ticket Record consumer has yet to deliver. It reads {@code /Tickets} newest first and goes
 * on to the next page only while the page holds nothing at or below the watermark: on an idle system one request per
 * poll, in a burst as many pages as the burst fills.
 * <p>
 * Paging by position is exposed to a list that changes while it is read. New tickets push rows down (a row shows up
 * twice, harmless); tickets deleted or leaving a filter pull rows up, and a row can slip past a page boundary unseen.
 * A multi-page read whose {@code record_count} dropped on the way is therefore read again.
 */
public final class NewTicketFinder {

    /** Query parameters the consumer sets itself: a user value would break its reading order or paging. */
    public static final Set<String> RESERVED = Set.of("order", "orderdesc", "pageinate", "page_size", "page_no", "count",
            "ticketidonly");

    /** The endpoint's query.* options as the consumer sends them; refuses the parameters it sets itself. */
    public static Map<String, String> filters(Map<String, Object> queryOptions) {
        Map<String, String> filters = QueryParameters.merge(queryOptions, null);
        for (String name : filters.keySet()) {
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("query." + name + " cannot be used on the New Ticket Record consumer: "
                                                   + "it sets order, orderdesc, pageinate, page_size and page_no itself "
                                                   + "to read tickets newest first by id, and count or ticketidonly "
                                                   + "would cut its pages short");
            }
        }
        return filters;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NewTicketFinder.class);
    private static final int READ_ATTEMPTS = 3;

    private final ListFetcher lists;
    private final Map<String, String> query;

    /**
     * @param filters the user's query.* filters, already checked against {@link #RESERVED}
     */
    public NewTicketFinder(ListFetcher lists, Map<String, String> filters) {
        this.lists = lists;
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("order", "id");
        query.put("orderdesc", "true");
        this.query = query;
    }

    /**
     * The tickets found.
     *
     * @param tickets the tickets to deliver, oldest first
     * @param pages   how many pages were read
     */
    public record Found(List<Map<String, Object>> tickets, int pages) {
    }

    /** The ids visible on the first page: the baseline of {@code since=now}. */
    public List<Long> firstPageIds() throws CamelException {
        return read(null).firstPageIds;
    }

    /** Tickets above the watermark, and tickets in the look-back window not handled yet, oldest first. */
    public Found find(TicketWatermark state) throws CamelException {
        for (int attempt = 1;; attempt++) {
            Read read = read(state);
            if (!read.listShrank) {
                return read.found();
            }
            if (attempt == READ_ATTEMPTS) {
                LOG.warn("The ticket list kept shrinking while {} pages of new tickets were read ({} reads): a ticket "
                         + "deleted or leaving the filter meanwhile may have moved a new one past a page boundary",
                        read.pages, attempt);
                return read.found();
            }
            LOG.debug("The ticket list shrank while {} pages were read; reading it again", read.pages);
        }
    }

    /** One read from page 1; {@code state} null reads page 1 only. */
    private Read read(TicketWatermark state) throws CamelException {
        Read read = new Read();
        lists.readPages(HaloPsaEntity.ticket, query, HaloPsaEntity.ticket.maxPageSize(), page -> {
            read.pages++;
            List<Long> ids = idsNewestFirst(page.records(), read.pages);
            if (read.pages == 1) {
                read.firstPageIds = ids;
                read.firstCount = page.recordCount();
            } else if (read.firstCount != null && page.recordCount() != null && page.recordCount() < read.firstCount) {
                read.listShrank = true;
            }
            if (state == null) {
                return false;
            }
            boolean reachedHandled = false;
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                if (state.isPending(id)) {
                    read.pending.put(id, page.records().get(i));
                }
                reachedHandled |= id <= state.watermark();
            }
            return !reachedHandled;
        });
        return read;
    }

    /** The ticket ids of a page, which must come newest first: the whole approach rests on that order. */
    private static List<Long> idsNewestFirst(List<Map<String, Object>> records, int page) throws CamelException {
        List<Long> ids = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            long id = idOf(record);
            if (!ids.isEmpty() && id >= ids.get(ids.size() - 1)) {
                throw new CamelException("HaloPSA answered GET /Tickets with ticket " + id + " after ticket "
                                         + ids.get(ids.size() - 1) + " on page " + page + ", although it was asked for "
                                         + "the newest first (order=id, orderdesc=true); the New Ticket Record "
                                         + "consumer cannot tell new tickets from old ones without that order");
            }
            ids.add(id);
        }
        return ids;
    }

    public static long idOf(Map<String, Object> ticket) throws CamelException {
        Object id = ticket.get("id");
        if (id instanceof Number number && number.longValue() > 0) {
            return number.longValue();
        }
        throw new CamelException("HaloPSA answered GET /Tickets with a ticket whose id is " + id
                                 + " rather than a positive number");
    }

    private static final class Read {
        int pages;
        List<Long> firstPageIds = List.of();
        Integer firstCount;
        boolean listShrank;
        final TreeMap<Long, Map<String, Object>> pending = new TreeMap<>();

        Found found() {
            return new Found(new ArrayList<>(pending.values()), pages);
        }
    }
}
