package io.github.camelhalopsa.component.halopsa.records;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;

/**
 * One list answer from HaloPSA. Halo answers lists in two shapes: a bare JSON array ({@code /Agent},
 * {@code /Status}, {@code /TicketType}) or a wrapper with {@code record_count} and the records under an entity key
 * ({@code {"record_count": 717, "tickets": [...]}}); which one can even depend on {@code pageinate}. Both are read
 * here; in a wrapper the entity's key is preferred, else the first array in it.
 *
 * @param records     the records of this answer
 * @param recordCount Halo's count of the whole list, or null where the answer has none
 */
public record RecordList(List<Map<String, Object>> records, Integer recordCount) {

    @SuppressWarnings("unchecked")
    public static RecordList of(Object answer, String listKey, HaloRequest request, HaloHttpResponse response)
            throws HaloPsaException {
        if (answer instanceof List<?> list) {
            return new RecordList((List<Map<String, Object>>) list, null);
        }
        if (answer instanceof Map<?, ?> wrapper) {
            Object records = listKey == null ? null : wrapper.get(listKey);
            if (!(records instanceof List)) {
                records = wrapper.values().stream().filter(List.class::isInstance).findFirst().orElse(null);
            }
            Object count = wrapper.get("record_count");
            Integer recordCount = count instanceof Number number ? number.intValue() : null;
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
