package io.github.camelhalopsa.sandbox;

import java.io.IOException;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Answers the calls under /api from the sandbox's records, in Halo's shapes: lists (see {@link ListQuery}), one
 * record by id, POST of an array answered with one saved record, DELETE, attachments as file bytes, reports run over
 * the sandbox's data, {@code /Agent/me}, and the unauthenticated {@code /api/authinfo}. Errors come in Halo's shapes:
 * a broken rule as a .NET exception object, a missing record as a 404 without a body. Calls the gate let through but
 * nothing here emulates get 501 with a hint to stub them.
 */
final class ApiHandler implements ResponseDefinitionTransformerV2 {

    static final String NAME = "halo-sandbox-api";
    /** The agent the API application logs in as, in the demo data. */
    static final int API_AGENT_ID = 1;

    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final SandboxData data;
    private final ApiGate gate;
    private final SandboxOptions options;
    private final ReportEngine reports;

    ApiHandler(SandboxData data, ApiGate gate, SandboxOptions options) {
        this.data = data;
        this.gate = gate;
        this.options = options;
        this.reports = new ReportEngine(data);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod().getName();
        String path = Responses.path(request.getUrl());
        if (ApiGate.isAuthInfo(path) && "GET".equals(method)) {
            return authInfo(request);
        }
        String[] segments = path.substring("/api/".length()).split("/");
        Optional<SandboxCollection> found = SandboxCollection.byPath(segments[0]);
        if (found.isEmpty() || segments.length > 2) {
            return notEmulated(method, request);
        }
        SandboxCollection collection = found.get();
        boolean write = !"GET".equals(method);
        Optional<AccessTokens.Issued> grant = gate.grantOf(request);
        if (grant.isPresent() && !Scopes.allows(grant.get().scopes(), collection, write)) {
            return Responses.message(403, "You do not have permission to " + (write ? "change " : "read ")
                    + collection.path().substring(1) + ": the token's scopes (" + Scopes.text(grant.get().scopes())
                    + ") do not include " + Scopes.needed(collection, write));
        }
        Map<String, List<String>> query = Responses.query(request.getUrl());
        try {
            if (segments.length == 1 && "GET".equals(method)) {
                return Responses.json(200, ListQuery.answer(collection, data.list(collection), query, options));
            }
            if (segments.length == 1 && "POST".equals(method)) {
                return post(collection, request, query);
            }
            if (segments.length == 2 && "GET".equals(method)) {
                return get(collection, segments[1], query);
            }
            if (segments.length == 2 && "DELETE".equals(method)) {
                return delete(collection, segments[1], query);
            }
            return notEmulated(method, request);
        } catch (SandboxRejection e) {
            return rejected(e);
        }
    }

    private ResponseDefinition get(SandboxCollection collection, String id, Map<String, List<String>> query) {
        if (collection == SandboxCollection.agent && "me".equalsIgnoreCase(id)) {
            return found(data.get(SandboxCollection.agent, API_AGENT_ID));
        }
        if (collection == SandboxCollection.action) {
            int ticketId = SandboxData.intValue(Responses.first(query, "ticket_id"));
            return found(data.action(ticketId, SandboxData.intValue(id)));
        }
        Optional<Map<String, Object>> record = data.get(collection, recordId(collection, id));
        if (collection == SandboxCollection.attachment && record.isPresent()) {
            return file(record.get());
        }
        if (collection == SandboxCollection.report && record.isPresent()
            && "true".equalsIgnoreCase(Responses.first(query, "loadreport"))) {
            Map<String, Object> report = record.get();
            report.put("report", reports.run((String) report.get("sql")));
            return Responses.json(200, report);
        }
        return found(record.map(r -> withoutSecrets(collection, r)));
    }

    private ResponseDefinition post(SandboxCollection collection, Request request, Map<String, List<String>> query) {
        List<Map<String, Object>> records = records(request.getBodyAsString());
        if (collection == SandboxCollection.report && records.size() == 1
            && Boolean.TRUE.equals(records.get(0).get("_loadreportonly"))) {
            Map<String, Object> preview = new LinkedHashMap<>(records.get(0));
            preview.keySet().removeIf(key -> key.startsWith("_"));
            preview.putIfAbsent("id", 0);
            preview.put("report", reports.run((String) preview.get("sql")));
            return Responses.json(200, preview);
        }
        Map<String, Object> saved = null;
        for (Map<String, Object> record : records) {
            saved = data.save(collection, record);
        }
        // Halo answers an array with one object, the (last) saved record (API notes §2.2)
        return Responses.json(201, withoutSecrets(collection, saved));
    }

    private ResponseDefinition delete(SandboxCollection collection, String id, Map<String, List<String>> query) {
        if (collection == SandboxCollection.action) {
            int ticketId = SandboxData.intValue(Responses.first(query, "ticket_id"));
            return found(data.deleteAction(ticketId, SandboxData.intValue(id)));
        }
        return found(data.delete(collection, recordId(collection, id)).map(r -> withoutSecrets(collection, r)));
    }

    private static Map<String, Object> withoutSecrets(SandboxCollection collection, Map<String, Object> record) {
        record.keySet().removeAll(collection.writeOnlyFields());
        return record;
    }

    /**
     * Where to get a token, answered without one: {@code auth_url} (the authorisation server; its token endpoint is
     * {@code auth_url + "/token"}) and, on a Halo-hosted instance, {@code tenant_id}, which HaloAPI's
     * {@code Connect-HaloAPI} sends as {@code ?tenant=}. The field names are HaloAPI's; the rest of Halo's answer is
     * not known.
     */
    private ResponseDefinition authInfo(Request request) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("auth_url", baseUrl(request) + options.authServerPath());
        if (options.authInfoTenant() != null) {
            info.put("tenant_id", options.authInfoTenant());
        }
        return Responses.json(200, info);
    }

    /** The scheme, host and port the client called, e.g. {@code http://127.0.0.1:41234}. */
    private static String baseUrl(Request request) {
        String absolute = request.getAbsoluteUrl();
        int pathStart = absolute.indexOf('/', absolute.indexOf("://") + 3);
        return pathStart < 0 ? absolute : absolute.substring(0, pathStart);
    }

    private static Object recordId(SandboxCollection collection, String id) {
        return collection.hasUuidIds() ? id : SandboxData.intValue(id);
    }

    private ResponseDefinition file(Map<String, Object> attachment) {
        int id = SandboxData.intValue(attachment.get("id"));
        byte[] content = data.attachmentContent(id).orElse(new byte[0]);
        String fileName = String.valueOf(attachment.getOrDefault("filename", "attachment-" + id));
        String type = URLConnection.guessContentTypeFromName(fileName);
        return aResponse().withStatus(200)
                .withHeader("Content-Type", type == null ? "application/octet-stream" : type)
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
                .withBody(content).build();
    }

    private static ResponseDefinition found(Optional<Map<String, Object>> record) {
        return record.map(r -> Responses.json(200, r)).orElseGet(Responses::notFound);
    }

    private static ResponseDefinition rejected(SandboxRejection e) {
        if (e.status() == 404) {
            return Responses.notFound();
        }
        return e.answeredWithMessage() ? Responses.exception(e.status(), e.getMessage())
                : aResponse().withStatus(e.status()).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(String body) {
        Object parsed;
        try {
            parsed = body == null || body.isBlank() ? null : Responses.JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw SandboxRejection.badRequest("The body is not valid JSON: " + e.getMessage());
        }
        List<Object> elements = parsed instanceof List<?> list ? Responses.JSON.convertValue(list, LIST)
                : parsed instanceof Map<?, ?> ? List.of(parsed) : List.of();
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object element : elements) {
            if (!(element instanceof Map<?, ?>)) {
                throw SandboxRejection.badRequest("Halo takes a JSON array of records (objects), not " + element);
            }
            records.add((Map<String, Object>) element);
        }
        if (records.isEmpty()) {
            throw SandboxRejection.badRequest("Halo takes a JSON array with at least one record");
        }
        return records;
    }

    private static ResponseDefinition notEmulated(String method, Request request) {
        return Responses.message(501, "The HaloPSA sandbox does not emulate " + method + " "
                + Responses.path(request.getUrl()) + ". Stub it on HaloSandbox.wireMock() if a test needs it.");
    }
}
