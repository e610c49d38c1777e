package io.github.camelhalopsa.component.halopsa;

import java.util.Map;

import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import org.apache.camel.CamelException;

/**
 * Reads HaloPSA lists, whole or page by page as they are consumed; {@link ListPages} decides the paging for both.
 */
final class ListFetcher {

    private final HaloPsaConnection connection;
    private final HaloJson json;

    ListFetcher(HaloPsaConnection connection, HaloJson json) {
        this.connection = connection;
        this.json = json;
    }

    /**
     * The whole list, every page read now.
     *
     * @param pageSize   records per page asked for (1 to 100)
     * @param pageNo     a single page to fetch, or null for all
     * @param maxResults stop after this many records; 0 for all
     */
    RecordList fetch(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo, int maxResults)
            throws CamelException {
        return pages(entity, query, pageSize, pageNo, maxResults).readAll();
    }

    /**
     * The list as an iterator that reads the next page only once the previous one has been consumed. The first page
     * is read now, so that its errors (credentials, permissions, a wrong filter) fail the caller at once and its
     * {@code record_count} is known.
     */
    PagedRecordIterator stream(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo,
                               int maxResults)
            throws CamelException {
        return PagedRecordIterator.start(pages(entity, query, pageSize, pageNo, maxResults));
    }

    private ListPages pages(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo,
                            int maxResults) {
        return new ListPages(connection, json, entity, query, pageSize, pageNo, maxResults);
    }
}
