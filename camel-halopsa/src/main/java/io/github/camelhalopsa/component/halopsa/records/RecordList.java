package io.github.camelhalopsa.component.halopsa.records;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;

/**
 * One list answer from HaloPSA. Halo answers lists in two shapes: a bare JSON array ({@code /Agent},
 * {@code /Status}, {@code /TicketType}) or a wrapper with {@code record_count} and the records under an entity key
 * ({@code {"record_count": 717, "tickets": [...]}}); which one can even depend on {@code pageinate}. Wrappers carry
 * side arrays too: {@code /Attachment} answers {@code {"attachments": [...], "folders": [...]}} with no
 * {@code record_count} (recorded on real tenants, Servosity msp-skills issue 265), and the {@code *_View} answers of
 * Halo's spec end with {@code columns}. So the entity's key, when present, is the answer, even when null or empty;
 * only when it is absent are the records the first array in the wrapper that is no known side array.
 *
 * @param records     the records of this answer
 * @param recordCount Halo's count of the whole list, or null where the answer has none
 */
public record RecordList(List<Map<String, Object>> records, Integer recordCount) {

    /** Arrays beside the records in Halo's list answers, never records themselves. */
    static final Set<String> SIDE_ARRAYS = Set.of("folders", "columns", "columns_id", "columns_tilehtml",
            "available_columns");

    @SuppressWarnings("unchecked")
    public static RecordList of(Object answer, String listKey, HaloRequest request, HaloHttpResponse response)
            throws HaloPsaException {
        if (answer instanceof List<?> list) {
            return new RecordList((List<Map<String, Object>>) list, null);
        }
        if (answer instanceof Map<?, ?> wrapper) {
            Object count = wrapper.get("record_count");
            Integer recordCount = count instanceof Number number ? number.intValue() : null;
            Object records;
            if (listKey != null && wrapper.containsKey(listKey)) {
                records = wrapper.get(listKey);
                if (records == null) {
                    // an empty list, as Halo may write it (an attachment list of a ticket without attachments)
                    return new RecordList(List.of(), recordCount);
                }
                if (!(records instanceof List)) {
                    throw HaloJson.unexpected(request, response, "'" + listKey + "' holding no list of records", null);
                }
            } else {
                records = wrapper.entrySet().stream()
                        .filter(entry -> entry.getValue() instanceof List && !SIDE_ARRAYS.contains(entry.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (records == null) {
                if (recordCount != null && recordCount == 0) {
                    return new RecordList(List.of(), 0);
                }
                throw HaloJson.unexpected(request, response, "an object that holds no list of records", null);
            }
            return new RecordList((List<Map<String, Object>>) records, recordCount);
        }
        throw HaloJson.unexpected(request, response, "JSON that is neither a list nor a wrapped list", null);
    }
}
