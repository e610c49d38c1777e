package io.github.camelhalopsa.component.halopsa.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks one HaloPSA list a page at a time: the only place that decides which page to ask for next and when a list
 * is complete, for the eager list and the streamed one alike.
 * <p>
 * Halo pages only when {@code pageinate=true} and a 1-based {@code page_no} are both sent, and caps a page at 100
 * whatever {@code page_size} asks for (some lists at 50); peers that trusted the requested size returned 100 of 717
 * tickets (HaloAPI issue 90), and those that left out {@code pageinate} 50 of 1254 (Servosity msp-skills issue 203).
 * So pages are followed until {@code record_count} is reached, or a page comes back empty or shorter than the first
 * one, or repeats the previous page's ids (a server that ignores {@code page_no}), or {@code maxResults} records have
 * been handed out.
 */
public final class ListPages {

    private static final Logger LOG = LoggerFactory.getLogger(ListPages.class);
    /** A guard against a server that ignores page_no and never runs out. */
    public static final int MAX_PAGES = 10_000;

    private final HaloPsaConnection connection;
    private final HaloJson json;
    private final HaloPsaEntity entity;
    private final Map<String, String> query;
    private final int pageSize;
    private final Integer pageNo;
    private final int maxResults;

    private int nextPage = 1;
    private int firstPageSize = -1;
    private long received;
    private long handedOut;
    private Integer recordCount;
    private boolean complete;
    private List<Object> previousPageIds;

    /**
     * @param pageSize   records per page asked for (1 to 100)
     * @param pageNo     a single page to fetch, or null for all
     * @param maxResults stop after this many records; 0 for all
     */
    public ListPages(HaloPsaConnection connection, HaloJson json, HaloPsaEntity entity, Map<String, String> query,
              int pageSize, Integer pageNo, int maxResults) {
        this.connection = connection;
        this.json = json;
        this.entity = entity;
        this.query = query;
        // no point asking for more than will be handed out, nor for more than Halo serves in a page of this list
        int served = Math.min(pageSize, entity.maxPageSize());
        this.pageSize = maxResults > 0 ? Math.min(served, maxResults) : served;
        this.pageNo = pageNo;
        this.maxResults = maxResults;
    }

    /** The records of the next page, or null once the list is complete. */
    public List<Map<String, Object>> next() throws CamelException {
        if (complete) {
            return null;
        }
        if (!entity.isPaged() || pageNo != null) {
            complete = true;
            RecordList answer = fetch(entity.isPaged() ? paging(pageNo) : query);
            recordCount = answer.recordCount();
            return limit(answer.records());
        }
        int page = nextPage++;
        RecordList answer = fetch(paging(page));
        List<Object> ids = answer.records().stream().map(record -> record.get("id")).toList();
        if (!ids.isEmpty() && ids.equals(previousPageIds)) {
            // a server that ignores page_no answers page 1 again and again: the list ended with the previous page
            LOG.warn("HaloPSA answered page {} of {} with the same records as page {}: it does not seem to page this "
                     + "list, so reading stops here", page, entity.path(), page - 1);
            complete = true;
            return null;
        }
        previousPageIds = ids;
        int got = answer.records().size();
        received += got;
        if (answer.recordCount() != null) {
            recordCount = answer.recordCount();
        }
        List<Map<String, Object>> records = limit(answer.records());
        // a page shorter than the one before ends the list; so does a first page shorter than asked for when Halo
        // gives no count to follow (a bare array, such as /Agent's): with a count, the count decides
        boolean shortPage = firstPageSize >= 0 ? got < firstPageSize : got < pageSize && recordCount == null;
        boolean countReached = recordCount != null && received >= recordCount;
        boolean maxReached = maxResults > 0 && handedOut >= maxResults;
        if (got == 0 || shortPage || countReached || maxReached) {
            complete = true;
        } else if (page == MAX_PAGES) {
            LOG.warn("Stopped reading {} after {} pages: HaloPSA kept answering full pages", entity.path(), page);
            complete = true;
        }
        if (firstPageSize < 0) {
            firstPageSize = got;
        }
        return records;
    }

    /** Halo's count of the whole list as last reported, or null where its answers carry none. */
    public Integer recordCount() {
        return recordCount;
    }

    /** Every remaining page, read now. */
    public RecordList readAll() throws CamelException {
        List<Map<String, Object>> first = next();
        if (first == null || complete) {
            return new RecordList(first == null ? List.of() : first, recordCount);
        }
        List<Map<String, Object>> records = new ArrayList<>(first);
        for (List<Map<String, Object>> page = next(); page != null; page = next()) {
            records.addAll(page);
        }
        return new RecordList(records, recordCount);
    }

    private Map<String, String> paging(int page) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("pageinate", "true");
        paged.put("page_size", String.valueOf(pageSize));
        paged.put("page_no", String.valueOf(page));
        return paged;
    }

    private RecordList fetch(Map<String, String> pageQuery) throws CamelException {
        HaloRequest request = HaloRequest.get(entity.path(), pageQuery);
        HaloHttpResponse response = connection.send(request);
        return RecordList.of(json.answer(request, response), entity.listKey(), request, response);
    }

    private List<Map<String, Object>> limit(List<Map<String, Object>> records) {
        long room = maxResults > 0 ? maxResults - handedOut : Long.MAX_VALUE;
        List<Map<String, Object>> kept = records.size() > room
                ? new ArrayList<>(records.subList(0, (int) room)) : records;
        handedOut += kept.size();
        return kept;
    }
}
