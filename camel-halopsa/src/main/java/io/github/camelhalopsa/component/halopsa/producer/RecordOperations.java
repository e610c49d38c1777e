package io.github.camelhalopsa.component.halopsa.producer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequiredFieldsException;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldArrays;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.RecordIds;
import org.apache.camel.Message;

/** The single-record operations: {@code get} (a record, or an attachment's file), {@code addOrUpdate}, {@code delete}. */
final class RecordOperations {

    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final MessageParameters parameters;
    private final HaloPsaEntity entity;
    private final HaloPsaConnection connection;
    private final HaloJson json;
    private final CustomFieldOperations customFields;

    RecordOperations(MessageParameters parameters, HaloPsaConnection connection, HaloJson json,
                     CustomFieldOperations customFields) {
        this.parameters = parameters;
        this.entity = parameters.entity();
        this.connection = connection;
        this.json = json;
        this.customFields = customFields;
    }

    void get(Message in) throws Exception {
        List<Integer> wantedFields = customFields.wantedIds(in, "get on halopsa:" + entity);
        HaloRequest request = HaloRequest.get(parameters.recordPath(in, "get"), parameters.keyQuery(in, "get"));
        HaloHttpResponse response = connection.send(request);
        if (isFile(response)) {
            in.setBody(response.body());
            in.setHeader(HaloPsaConstants.FILE_NAME, fileName(response.contentDisposition()));
        } else {
            Map<String, Object> record = json.recordAnswer(request, response);
            // Halo answers every custom field of one record: keep those asked for, as a list would
            in.setBody(wantedFields.isEmpty() ? record : CustomFieldArrays.keepOnly(record, wantedFields));
        }
    }

    /**
     * Only entities that serve files answer with the file itself. Anything else that is not JSON, such as a proxy's
     * HTML page with status 200, goes to the JSON reader, which fails with an excerpt of it.
     */
    private boolean isFile(HaloHttpResponse response) {
        return entity.has(HaloPsaEntity.Trait.FILES) && response.hasBody() && !response.isJson()
               && (response.contentDisposition() != null || !response.isHtml());
    }

    void addOrUpdate(Message in) throws Exception {
        String what = "addOrUpdate on halopsa:" + entity;
        List<Map<String, Object>> records = json.records(in.getBody(), what);
        if (entity.has(HaloPsaEntity.Trait.KEYED_BY_TICKET)) {
            records = withTicketId(records, in);
        }
        records = customFields.forPost(records, in, what);
        HaloRequest request = new HaloRequest("POST", entity.path(), parameters.query(in), json.write(records));
        HaloHttpResponse response;
        try {
            response = connection.send(request);
        } catch (HaloPsaRequiredFieldsException e) {
            throw customFields.explained(e);
        }
        try {
            Object answer = json.answer(request, response);
            if (records.size() == 1) {
                in.setBody(json.oneRecord(answer, request, response));
            } else {
                // Halo may answer several records with only the last saved one
                in.setBody(answer instanceof List<?> list ? list : List.of(answer));
            }
        } catch (HaloPsaException e) {
            // the status was a success: sending the same records again could save them twice
            throw new HaloPsaException(e.getMessage() + ". HaloPSA may have saved the record(s): check before sending "
                                       + "them again", e.getHttpResponseCode(), e.getHttpResponseStatus(), e.getCall(),
                    e.getHaloMessage(), e);
        }
    }

    /** Halo requires ticket_id on every such record; the ticketId option or header supplies it where one lacks it. */
    private List<Map<String, Object>> withTicketId(List<Map<String, Object>> records, Message in) {
        String ticketId = parameters.ticketId(in);
        List<Map<String, Object>> result = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            if (record.get("ticket_id") == null) {
                if (ticketId == null) {
                    throw new IllegalArgumentException("addOrUpdate on halopsa:" + entity + " needs ticket_id in every "
                                                       + "record, or the ticketId option or " + HaloPsaConstants.TICKET_ID
                                                       + " header: HaloPSA files each " + entity + " under a ticket");
                }
                Map<String, Object> copy = new LinkedHashMap<>(record);
                // Halo's schema types ticket_id as an integer; a header often carries it as text
                Long numeric = RecordIds.parse(ticketId);
                copy.put("ticket_id", numeric != null ? (Object) numeric : ticketId);
                record = copy;
            }
            result.add(record);
        }
        return result;
    }

    void delete(Message in) throws Exception {
        String id = parameters.requiredId(in, "delete");
        HaloRequest request = new HaloRequest("DELETE", parameters.recordPath(in, "delete"),
                parameters.keyQuery(in, "delete"), null);
        HaloHttpResponse response = connection.send(request);
        in.setBody(response.hasBody() && response.isJson() ? json.answer(request, response) : null);
        in.setHeader(HaloPsaConstants.ID, id);
    }

    /** The file name a Content-Disposition header gives, or null. */
    static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher matcher = FILE_NAME.matcher(contentDisposition);
        String name = null;
        while (matcher.find()) {
            name = matcher.group(1); // the last one wins: filename* (RFC 6266) follows filename
        }
        return name == null ? null : URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
}
