package io.github.camelhalopsa.component.halopsa.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaConstants;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloPsaConnection;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;
import io.github.camelhalopsa.component.halopsa.connection.UrlText;
import io.github.camelhalopsa.component.halopsa.records.HaloJson;
import io.github.camelhalopsa.component.halopsa.records.ReportRows;
import org.apache.camel.Message;

/** {@code preview} on reports: the rows of a saved report, or of SQL run without saving a report. */
final class ReportPreview {

    private final MessageParameters parameters;
    private final HaloPsaConnection connection;
    private final HaloJson json;

    ReportPreview(MessageParameters parameters, HaloPsaConnection connection, HaloJson json) {
        this.parameters = parameters;
        this.connection = connection;
        this.json = json;
    }

    void run(Message in) throws Exception {
        HaloRequest request = request(in);
        HaloHttpResponse response = connection.send(request);
        List<Map<String, Object>> rows = ReportRows.of(json.recordAnswer(request, response), request, response);
        in.setBody(rows);
        in.setHeader(HaloPsaConstants.RECORD_COUNT, rows.size());
    }

    private HaloRequest request(Message in) {
        String path = parameters.entity().path();
        String sql = in.getHeader(HaloPsaConstants.SQL, parameters.configuration().getSql(), String.class);
        if (sql != null && !sql.isBlank()) {
            Map<String, Object> reportQuery = new LinkedHashMap<>();
            reportQuery.put("sql", sql);
            reportQuery.put("_loadreportonly", true);
            return new HaloRequest("POST", path, parameters.query(in), json.write(List.of(reportQuery)));
        }
        String id = parameters.id(in);
        if (id == null) {
            throw new IllegalArgumentException("preview on halopsa:report needs a saved report's id (the id option or "
                                               + HaloPsaConstants.ID + " header) or SQL (the sql option or "
                                               + HaloPsaConstants.SQL + " header)");
        }
        Map<String, String> query = parameters.query(in);
        query.put("loadreport", "true");
        return HaloRequest.get(path + "/" + UrlText.pathSegment(id), query);
    }
}
