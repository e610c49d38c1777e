package io.github.camelhalopsa.component.halopsa.producer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelhalopsa.component.halopsa.HaloPsaConfiguration;
import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.HaloPsaEndpoint;
import io.github.camelhalopsa.component.halopsa.HaloPsaEntity;
import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.HaloPsaOperation;
import io.github.camelhalopsa.component.halopsa.HaloPsaRequiredFieldsException;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldArrays;
import io.github.camelhalopsa.component.halopsa.customfields.CustomFieldResolver;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.ListFetcher;
import io.github.camelhalopsa.component.halopsa.records.PagedRecordIterator;
import io.github.camelhalopsa.component.halopsa.records.QueryParameters;
import io.github.camelhalopsa.component.halopsa.records.RecordList;
import io.github.camelhalopsa.component.halopsa.records.ReportRows;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the endpoint's operation (or the one the {@link HaloPsaConstants#OPERATION} header names) against HaloPSA.
 */
public class HaloPsaProducer extends DefaultProducer {

    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final HaloPsaEndpoint endpoint;
    private final HaloPsaEntity entity;
    private final HaloPsaConfiguration configuration;
    private HaloPsaConnection connection;
    private HaloJson json;
    private ListFetcher lists;
    private CustomFieldOperations customFields;

    public HaloPsaProducer(HaloPsaEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.entity = endpoint.getEntity();
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.getConnection();
        json = new HaloJson(endpoint.getComponent().getObjectMapper());
        lists = new ListFetcher(connection, json);
        customFields = new CustomFieldOperations(entity, configuration, connection, json,
                new CustomFieldResolver(endpoint.getComponent().fieldDefinitionsFor(connection),
                        Duration.ofMillis(configuration.getCustomFieldsRefreshInterval())));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        switch (operation(in)) {
            case list -> list(in);
            case get -> get(in);
            case addOrUpdate -> addOrUpdate(in);
            case delete -> delete(in);
            case preview -> preview(in);
            case request -> request(in);
            default -> throw new IllegalStateException("Unhandled operation");
        }
    }

    private HaloPsaOperation operation(Message in) {
        Object fromHeader = in.getHeader(HaloPsaConstants.OPERATION);
        if (fromHeader != null) {
            return endpoint.requireSupported(HaloPsaOperation.parse(fromHeader, "header " + HaloPsaConstants.OPERATION));
        }
        return configuration.getOperation() != null ? configuration.getOperation() : entity.defaultOperation();
    }

    private void list(Message in) throws Exception {
        Map<String, String> query = customFields.withIncludedFields(query(in), in);
        if (configuration.isStreamList()) {
            PagedRecordIterator records = lists.stream(entity, query, configuration.getPageSize(),
                    configuration.getPageNo(), configuration.getMaxResults());
            in.setBody(records);
            // without Halo's count the length is unknown until the last page: no header rather than a wrong one
            if (records.recordCount() != null) {
                in.setHeader(HaloPsaConstants.RECORD_COUNT, records.recordCount());
            }
            return;
        }
        RecordList result = lists.fetch(entity, query, configuration.getPageSize(), configuration.getPageNo(),
                configuration.getMaxResults());
        in.setBody(result.records());
        in.setHeader(HaloPsaConstants.RECORD_COUNT,
                result.recordCount() != null ? result.recordCount() : result.records().size());
    }

    private void get(Message in) throws Exception {
        List<Integer> wantedFields = customFields.wantedIds(in, "get on halopsa:" + entity);
        HaloRequest request = HaloRequest.get(recordPath(in, "get"), keyQuery(in, "get"));
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
     * Only attachments answer with the file itself. Anything else that is not JSON, such as a proxy's HTML page with
     * status 200, goes to the JSON reader, which fails with an excerpt of it.
     */
    private boolean isFile(HaloHttpResponse response) {
        return entity == HaloPsaEntity.attachment && response.hasBody() && !response.isJson()
               && (response.contentDisposition() != null || !response.isHtml());
    }

    private void addOrUpdate(Message in) throws Exception {
        String what = "addOrUpdate on halopsa:" + entity;
        List<Map<String, Object>> records = json.records(in.getBody(), what);
        if (entity == HaloPsaEntity.action) {
            records = withTicketId(records, in);
        }
        records = customFields.forPost(records, in, what);
        HaloRequest request = new HaloRequest("POST", entity.path(), query(in), json.write(records));
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
                    e.getHaloMessage());
        }
    }

    /** Halo requires ticket_id on every action; the ticketId option or header supplies it where a record lacks it. */
    private List<Map<String, Object>> withTicketId(List<Map<String, Object>> records, Message in) {
        String ticketId = ticketId(in);
        List<Map<String, Object>> result = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            if (record.get("ticket_id") == null) {
                if (ticketId == null) {
                    throw new IllegalArgumentException("addOrUpdate on halopsa:action needs ticket_id in every record, "
                                                       + "or the ticketId option or " + HaloPsaConstants.TICKET_ID
                                                       + " header: HaloPSA files each action under a ticket");
                }
                Map<String, Object> copy = new LinkedHashMap<>(record);
                // Halo's schema types ticket_id as an integer; a header often carries it as text
                copy.put("ticket_id", ticketId.matches("\\d{1,18}") ? (Object) Long.valueOf(ticketId) : ticketId);
                record = copy;
            }
            result.add(record);
        }
        return result;
    }

    private void delete(Message in) throws Exception {
        String id = requiredId(in, "delete");
        HaloRequest request = new HaloRequest("DELETE", recordPath(in, "delete"), keyQuery(in, "delete"), null);
        HaloHttpResponse response = connection.send(request);
        in.setBody(response.hasBody() && response.isJson() ? json.answer(request, response) : null);
        in.setHeader(HaloPsaConstants.ID, id);
    }

    private void preview(Message in) throws Exception {
        String sql = in.getHeader(HaloPsaConstants.SQL, configuration.getSql(), String.class);
        String id = id(in);
        HaloRequest request;
        if (sql != null && !sql.isBlank()) {
            Map<String, Object> reportQuery = new LinkedHashMap<>();
            reportQuery.put("sql", sql);
            reportQuery.put("_loadreportonly", true);
            request = new HaloRequest("POST", entity.path(), query(in), json.write(List.of(reportQuery)));
        } else if (id != null) {
            Map<String, String> query = query(in);
            query.put("loadreport", "true");
            request = HaloRequest.get(entity.path() + "/" + encode(id), query);
        } else {
            throw new IllegalArgumentException("preview on halopsa:report needs a saved report's id (the id option or "
                                               + HaloPsaConstants.ID + " header) or SQL (the sql option or "
                                               + HaloPsaConstants.SQL + " header)");
        }
        HaloHttpResponse response = connection.send(request);
        List<Map<String, Object>> rows = ReportRows.of(json.recordAnswer(request, response), request, response);
        in.setBody(rows);
        in.setHeader(HaloPsaConstants.RECORD_COUNT, rows.size());
    }

    private void request(Message in) throws Exception {
        String method = HaloPsaEndpoint.validMethod(
                in.getHeader(HaloPsaConstants.METHOD, configuration.getMethod() == null ? "GET" : configuration.getMethod(),
                        String.class),
                HaloPsaConstants.METHOD);
        String path = in.getHeader(HaloPsaConstants.PATH, configuration.getPath(), String.class);
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("request on halopsa:api needs a path under /api, for example /Agent/me: "
                                               + "set the path option or the " + HaloPsaConstants.PATH + " header");
        }
        byte[] body = null;
        if (!"GET".equals(method) && in.getBody() != null) {
            Object payload = in.getBody();
            body = payload instanceof String || payload instanceof byte[]
                    ? in.getBody(byte[].class) : json.write(payload);
        }
        HaloRequest request = new HaloRequest(method, apiPath(path), query(in), body);
        HaloHttpResponse response = connection.send(request);
        in.setHeader(HaloPsaConstants.RESPONSE_CODE, response.status());
        if (!response.hasBody()) {
            in.setBody(null);
        } else if (response.isJson()) {
            in.setBody(json.answer(request, response));
        } else {
            in.setBody(response.body());
        }
    }

    /** Accepts /Agent/me, Agent/me and /api/Agent/me alike. */
    private static String apiPath(String path) {
        String trimmed = path.trim();
        String withSlash = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        if (withSlash.toLowerCase(Locale.ROOT).startsWith("/api/")) {
            return withSlash.substring(4);
        }
        return withSlash;
    }

    private Map<String, String> query(Message in) {
        return QueryParameters.merge(configuration.getQuery(), in.getHeader(HaloPsaConstants.QUERY));
    }

    private String recordPath(Message in, String operation) {
        return entity.path() + "/" + encode(requiredId(in, operation));
    }

    /** The query for one record: actions are numbered per ticket, so theirs carries ticket_id. */
    private Map<String, String> keyQuery(Message in, String operation) {
        Map<String, String> query = query(in);
        if (entity == HaloPsaEntity.action) {
            String ticketId = ticketId(in);
            if (ticketId == null) {
                throw new IllegalArgumentException(operation + " on halopsa:action needs the ticket's id as well as the "
                                                   + "action's: HaloPSA numbers actions per ticket. Set the ticketId "
                                                   + "option or the " + HaloPsaConstants.TICKET_ID + " header");
            }
            query.put("ticket_id", ticketId);
        }
        return query;
    }

    private String id(Message in) {
        String id = in.getHeader(HaloPsaConstants.ID, configuration.getId(), String.class);
        return id == null || id.isBlank() ? null : id.trim();
    }

    private String requiredId(Message in, String operation) {
        String id = id(in);
        if (id == null) {
            throw new IllegalArgumentException(operation + " on halopsa:" + entity + " needs the record's id: set the id "
                                               + "option or the " + HaloPsaConstants.ID + " header");
        }
        return id;
    }

    private String ticketId(Message in) {
        String ticketId = in.getHeader(HaloPsaConstants.TICKET_ID, configuration.getTicketId(), String.class);
        return ticketId == null || ticketId.isBlank() ? null : ticketId.trim();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher matcher = FILE_NAME.matcher(contentDisposition);
        String name = null;
        while (matcher.find()) {
            name = matcher.group(1); // the last one wins: filename* (RFC 6266) follows filename
        }
        return name == null ? null : java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
}
