package io.github.camelhalopsa.component.halopsa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import org.apache.camel.CamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads HaloPSA lists. Halo pages only when {@code pageinate=true} and a 1-based {@code page_no} are both sent, and
 * caps a page at 100 whatever {@code page_size} asks for (some lists at 50); peers that trusted the requested size
 * returned 100 of 717 tickets (HaloAPI issue 90), and those that left out {@code pageinate} 50 of 1254 (Servosity
 * msp-skills issue 203). So pages are followed until {@code record_count} is reached, or a page comes back empty or
 * shorter than the first one.
 */
final class ListFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ListFetcher.class);
    /** A guard against a server that ignores page_no and never runs out. */
    static final int MAX_PAGES = 10_000;

    /** Looks at each page as it arrives and says whether to read the next one. */
    @FunctionalInterface
    interface PageReader {
        boolean wantsMore(RecordList page) throws CamelException;
    }

    private final HaloPsaConnection connection;
    private final HaloJson json;

    ListFetcher(HaloPsaConnection connection, HaloJson json) {
        this.connection = connection;
        this.json = json;
    }

    /**
     * @param pageSize   records per page asked for (1 to 100)
     * @param pageNo     a single page to fetch, or null for all
     * @param maxResults stop after this many records; 0 for all
     */
    RecordList fetch(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo, int maxResults)
            throws CamelException {
        if (!entity.isPaged()) {
            return limit(page(entity, query), maxResults);
        }
        int size = maxResults > 0 ? Math.min(pageSize, maxResults) : pageSize;
        if (pageNo != null) {
            return limit(page(entity, paging(query, size, pageNo)), maxResults);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        Integer[] recordCount = { null };
        readPages(entity, query, size, page -> {
            records.addAll(page.records());
            recordCount[0] = page.recordCount() != null ? page.recordCount() : recordCount[0];
            return maxResults <= 0 || records.size() < maxResults;
        });
        return limit(new RecordList(records, recordCount[0]), maxResults);
    }

    /**
     * Reads pages 1, 2, ... of a paged list, handing each to the reader, until the reader has enough or the list has
     * no more.
     */
    void readPages(HaloPsaEntity entity, Map<String, String> query, int pageSize, PageReader reader)
            throws CamelException {
        int read = 0;
        Integer recordCount = null;
        int firstPageSize = -1;
        for (int page = 1; page <= MAX_PAGES; page++) {
            RecordList answer = page(entity, paging(query, pageSize, page));
            int got = answer.records().size();
            read += got;
            recordCount = answer.recordCount() != null ? answer.recordCount() : recordCount;
            if (!reader.wantsMore(answer)) {
                return;
            }
            boolean shortPage = firstPageSize >= 0 && got < firstPageSize;
            boolean countReached = recordCount != null && read >= recordCount;
            if (got == 0 || shortPage || countReached) {
                return;
            }
            if (firstPageSize < 0) {
                firstPageSize = got;
            }
            if (page == MAX_PAGES) {
                LOG.warn("Stopped reading {} after {} pages: HaloPSA kept answering full pages", entity.path(), page);
            }
        }
    }

    private static Map<String, String> paging(Map<String, String> query, int size, int page) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("pageinate", "true");
        paged.put("page_size", String.valueOf(size));
        paged.put("page_no", String.valueOf(page));
        return paged;
    }

    private RecordList page(HaloPsaEntity entity, Map<String, String> query) throws CamelException {
        HaloRequest request = HaloRequest.get(entity.path(), query);
        HaloHttpResponse response = connection.send(request);
        return RecordList.of(json.answer(request, response), entity.listKey(), request, response);
    }

    private static RecordList limit(RecordList list, int maxResults) {
        if (maxResults > 0 && list.records().size() > maxResults) {
            return new RecordList(new ArrayList<>(list.records().subList(0, maxResults)), list.recordCount());
        }
        return list;
    }
}
