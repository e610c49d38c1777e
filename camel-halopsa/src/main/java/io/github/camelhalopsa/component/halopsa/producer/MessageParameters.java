package io.github.camelhalopsa.component.halopsa.producer;

import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.connection.UrlText;
import io.github.camelhalopsa.component.halopsa.records.QueryParameters;
import org.apache.camel.Message;

/**
 * The values an operation reads from a message, each header overriding the endpoint option of the same meaning, and
 * the clear error when one an operation needs is missing.
 */
final class MessageParameters {

    private final HaloPsaEntity entity;
    private final HaloPsaConfiguration configuration;

    MessageParameters(HaloPsaEntity entity, HaloPsaConfiguration configuration) {
        this.entity = entity;
        this.configuration = configuration;
    }

    HaloPsaEntity entity() {
        return entity;
    }

    HaloPsaConfiguration configuration() {
        return configuration;
    }

    /** The endpoint's query option merged with the {@link HaloPsaConstants#QUERY} header, the header winning. */
    Map<String, String> query(Message in) {
        return QueryParameters.merge(configuration.getQuery(), in.getHeader(HaloPsaConstants.QUERY));
    }

    String id(Message in) {
        return blankAsNull(in.getHeader(HaloPsaConstants.ID, configuration.getId(), String.class));
    }

    String requiredId(Message in, String operation) {
        String id = id(in);
        if (id == null) {
            throw new IllegalArgumentException(operation + " on halopsa:" + entity + " needs the record's id: set the id "
                                               + "option or the " + HaloPsaConstants.ID + " header");
        }
        return id;
    }

    String ticketId(Message in) {
        return blankAsNull(in.getHeader(HaloPsaConstants.TICKET_ID, configuration.getTicketId(), String.class));
    }

    /** The path of the one record the message names. */
    String recordPath(Message in, String operation) {
        return entity.path() + "/" + UrlText.pathSegment(requiredId(in, operation));
    }

    /** The query for one record: actions are numbered per ticket, so theirs carries ticket_id. */
    Map<String, String> keyQuery(Message in, String operation) {
        Map<String, String> query = query(in);
        if (entity.has(HaloPsaEntity.Trait.KEYED_BY_TICKET)) {
            String ticketId = ticketId(in);
            if (ticketId == null) {
                throw new IllegalArgumentException(operation + " on halopsa:" + entity + " needs the ticket's id as well "
                                                   + "as the " + entity + "'s: HaloPSA numbers " + entity + "s per "
                                                   + "ticket. Set the ticketId option or the " + HaloPsaConstants.TICKET_ID
                                                   + " header");
            }
            query.put("ticket_id", ticketId);
        }
        return query;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
