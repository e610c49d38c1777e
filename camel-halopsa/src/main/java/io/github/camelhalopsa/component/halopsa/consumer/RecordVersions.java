package io.github.camelhalopsa.component.halopsa.consumer;

import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import org.apache.camel.CamelException;

/**
 * How a change trigger tells what it delivered apart: by (id, last-change time) for updated records, so each change is
 * delivered once, and by (ticket, action) for new actions, since Halo numbers actions per ticket.
 */
final class RecordVersions {

    private final HaloPsaEntity entity;
    private final String timeField;

    RecordVersions(HaloPsaEntity entity) {
        this.entity = entity;
        this.timeField = entity.changes().timeField();
    }

    String timeField() {
        return timeField;
    }

    ChangeTime timeOf(Map<String, Object> record) throws CamelException {
        ChangeTime time = ChangeTime.parse(record.get(timeField));
        if (time == null) {
            throw new CamelException("HaloPSA listed " + entity + " " + record.get("id") + " on GET " + entity.path()
                                     + " with " + timeField + " " + describe(record.get(timeField))
                                     + ", where the trigger needs an ISO-8601 date-time to tell what is new");
        }
        return time;
    }

    String keyOf(Map<String, Object> record, ChangeTime time) throws CamelException {
        if (entity.has(HaloPsaEntity.Trait.KEYED_BY_TICKET)) {
            return number(record, "ticket_id") + "/" + number(record, "id");
        }
        return number(record, "id") + "@" + time.stored();
    }

    /** The record's id, with its ticket for actions: the CamelHaloPsaId header. */
    String idOf(Map<String, Object> record) throws CamelException {
        return String.valueOf(number(record, "id"));
    }

    private long number(Map<String, Object> record, String field) throws CamelException {
        return positive(record, field, entity.path());
    }

    /** A field the triggers need to be a positive number: an id, an action's ticket. */
    static long positive(Map<String, Object> record, String field, String listPath) throws CamelException {
        Object value = record.get(field);
        if (value instanceof Number number && number.longValue() > 0) {
            return number.longValue();
        }
        throw new CamelException("HaloPSA listed a record on GET " + listPath + " whose " + field + " is "
                                 + describe(value) + " rather than a positive number");
    }

    private static String describe(Object value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
