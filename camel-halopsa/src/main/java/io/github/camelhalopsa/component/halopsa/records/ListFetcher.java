package io.github.camelhalopsa.component.halopsa.records;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import org.apache.camel.CamelException;

/**
 * Reads HaloPSA lists, whole or page by page as they are consumed; {@link ListPages} decides the paging for both.
 */
public final class ListFetcher {

    /** Looks at each page as it arrives and says whether to read the next one. */
    @FunctionalInterface
    public interface PageReader {
        boolean wantsMore(RecordList page) throws CamelException;
    }

    private final Supplier<HaloPsaConnection> connection;
    private final HaloJson json;

    public ListFetcher(HaloPsaConnection connection, HaloJson json) {
        this(() -> connection, json);
    }

    /** @param connection the connection to use at each read, for a caller that holds one only while it runs */
    public ListFetcher(Supplier<HaloPsaConnection> connection, HaloJson json) {
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
    public RecordList fetch(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo, int maxResults)
            throws CamelException {
        return pages(entity, query, pageSize, pageNo, maxResults).readAll();
    }

    /**
     * The list as an iterator that reads the next page only once the previous one has been consumed. The first page
     * is read now, so that its errors (credentials, permissions, a wrong filter) fail the caller at once and its
     * {@code record_count} is known.
     */
    public PagedRecordIterator stream(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo,
                               int maxResults)
            throws CamelException {
        return PagedRecordIterator.start(pages(entity, query, pageSize, pageNo, maxResults));
    }

    /**
     * Reads pages 1, 2, ... of a list, handing each to the reader, until the reader has enough or the list has no more.
     */
    public void readPages(HaloPsaEntity entity, Map<String, String> query, int pageSize, PageReader reader)
            throws CamelException {
        ListPages pages = pages(entity, query, pageSize, null, 0);
        for (List<Map<String, Object>> page = pages.next(); page != null; page = pages.next()) {
            if (!reader.wantsMore(new RecordList(page, pages.recordCount()))) {
                return;
            }
        }
    }

    private ListPages pages(HaloPsaEntity entity, Map<String, String> query, int pageSize, Integer pageNo,
                            int maxResults) {
        return new ListPages(connection.get(), json, entity, query, pageSize, pageNo, maxResults);
    }
}
