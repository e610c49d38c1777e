package io.github.camelhalopsa.component.halopsa.records;

import java.util.List;
import java.util.Map;

import io.github.camelhalopsa.component.halopsa.HaloPsaException;
import io.github.camelhalopsa.component.halopsa.connection.HaloHttpResponse;
import io.github.camelhalopsa.component.halopsa.connection.HaloRequest;

/**
 * The rows of a report run: Halo answers the report definition with the result under {@code report}
 * ({@code ReportContent}: {@code rows}, {@code load_error}, ...), per Halo's OpenAPI schema AnalyzerProfile.
 */
public final class ReportRows {

    private ReportRows() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(Map<String, Object> answer, HaloRequest request, HaloHttpResponse response)
            throws HaloPsaException {
        Object report = answer.get("report");
        if (!(report instanceof Map<?, ?> content)) {
            throw HaloJson.unexpected(request, response, "no report result (no 'report' in the answer)", null);
        }
        Object loadError = content.get("load_error");
        if (loadError != null && !String.valueOf(loadError).isBlank()) {
            String message = "HaloPSA could not run the report for " + request.describe() + ": " + loadError;
            throw new HaloPsaException(message, response.status(), response.reason(), request.describe(),
                    String.valueOf(loadError));
        }
        Object rows = content.get("rows");
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?>)) {
            throw HaloJson.unexpected(request, response, "report rows that are not a list", null);
        }
        return (List<Map<String, Object>>) rows;
    }
}
