package io.github.camelhalopsa.component.halopsa.producer;

import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import io.github.camelhalopsa.component.halopsa.records.PagedRecordIterator;
import io.github.camelhalopsa.component.halopsa.records.RecordList;
import org.apache.camel.Message;

/** {@code list}: one page, every page up to maxResults, or a streamed iterator over them. */
final class ListOperation {

    private final MessageParameters parameters;
    private final ListFetcher lists;
    private final CustomFieldOperations customFields;

    ListOperation(MessageParameters parameters, ListFetcher lists, CustomFieldOperations customFields) {
        this.parameters = parameters;
        this.lists = lists;
        this.customFields = customFields;
    }

    void run(Message in) throws Exception {
        HaloPsaConfiguration configuration = parameters.configuration();
        Map<String, String> query = customFields.withIncludedFields(parameters.query(in), in);
        if (configuration.isStreamList()) {
            PagedRecordIterator records = lists.stream(parameters.entity(), query, configuration.getPageSize(),
                    configuration.getPageNo(), configuration.getMaxResults());
            in.setBody(records);
            // without Halo's count the length is unknown until the last page: no header rather than a wrong one
            if (records.recordCount() != null) {
                in.setHeader(HaloPsaConstants.RECORD_COUNT, records.recordCount());
            }
            return;
        }
        RecordList result = lists.fetch(parameters.entity(), query, configuration.getPageSize(),
                configuration.getPageNo(), configuration.getMaxResults());
        in.setBody(result.records());
        in.setHeader(HaloPsaConstants.RECORD_COUNT,
                result.recordCount() != null ? result.recordCount() : result.records().size());
    }
}
