package io.github.camelhalopsa.component.halopsa.records;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import org.apache.camel.CamelException;
import org.apache.camel.RuntimeCamelException;

/**
 * The records of a HaloPSA list, read a page at a time as they are iterated: only the page being iterated is held,
 * so a list of any length passes through {@code split(body()).streaming()} in the memory of one page. An error on a
 * later page surfaces from {@link #hasNext()} or {@link #next()} as a {@link RuntimeCamelException} whose cause is
 * the {@link HaloPsaException}.
 */
public final class PagedRecordIterator implements Iterator<Map<String, Object>> {

    private final ListPages pages;
    private Iterator<Map<String, Object>> page;

    private PagedRecordIterator(ListPages pages, List<Map<String, Object>> firstPage) {
        this.pages = pages;
        this.page = firstPage == null ? Collections.emptyIterator() : firstPage.iterator();
    }

    public static PagedRecordIterator start(ListPages pages) throws CamelException {
        return new PagedRecordIterator(pages, pages.next());
    }

    /** Halo's count of the whole list, from the pages read so far; null where Halo gives none. */
    public Integer recordCount() {
        return pages.recordCount();
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext()) {
            List<Map<String, Object>> next;
            try {
                next = pages.next();
            } catch (CamelException e) {
                throw new RuntimeCamelException(e);
            }
            if (next == null) {
                return false;
            }
            // drop the consumed page before the next one is iterated
            page = next.iterator();
        }
        return true;
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more records in this HaloPSA list");
        }
        return page.next();
    }
}
