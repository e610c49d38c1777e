package io.github.camelhalopsa.sandbox.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Checks requests, as WireMock receives or recorded them, against Halo's own OpenAPI document (the trimmed copy in
 * {@code /openapi/halo-api-trimmed.json}, see SOURCE.md beside it). Only requests are checked: the document declares
 * no response bodies. The sandbox refuses what this finds wrong; the component's tests fail on it.
 */
public final class HaloOpenApi {

    private static final String SPEC_RESOURCE = "/openapi/halo-api-trimmed.json";
    private static final String API_PREFIX = "/api";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode document;
    private final List<String[]> specPaths;
    /**
     * One validator per operation, built on first use from that operation and the schemas it reaches. Softly held:
     * together they take about a gigabyte, which a small test JVM may need back.
     */
    private final Map<String, SoftReference<OpenApiInteractionValidator>> validators = new ConcurrentHashMap<>();
    /** One lock per operation, so that two threads asking for the same validator build it once. */
    private final Map<String, Object> building = new ConcurrentHashMap<>();

    private HaloOpenApi(String spec) throws IOException {
        this.document = mapper.readTree(spec);
        List<String[]> paths = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(p -> paths.add(segments(p)));
        this.specPaths = List.copyOf(paths);
    }

    /**
     * A validator for one operation only. The validator library copies every component schema of its document into
     * each schema it compiles; with Halo's 263 schemas that made the first check of each operation take seconds and
     * hold tens of megabytes. A document cut down to the operation and the schemas it reaches checks the same rules.
     */
    private OpenApiInteractionValidator validatorFor(String specPath, String method) {
        String key = method + " " + specPath;
        OpenApiInteractionValidator validator = held(key);
        if (validator != null) {
            return validator;
        }
        synchronized (building.computeIfAbsent(key, k -> new Object())) {
            validator = held(key);
            if (validator == null) {
                validator = buildValidator(specPath, method);
                validators.put(key, new SoftReference<>(validator));
            }
            return validator;
        }
    }

    private OpenApiInteractionValidator held(String key) {
        SoftReference<OpenApiInteractionValidator> held = validators.get(key);
        return held == null ? null : held.get();
    }

    private OpenApiInteractionValidator buildValidator(String specPath, String method) {
        JsonNode operation = document.get("paths").get(specPath).get(method);
        ObjectNode single = mapper.createObjectNode();
        single.set("openapi", document.get("openapi"));
        single.set("info", document.get("info"));
        single.set("servers", document.get("servers"));
        single.putObject("paths").putObject(specPath).set(method, operation);
        ObjectNode components = single.putObject("components");
        components.set("schemas", ReachableSchemas.of(operation, document.get("components").get("schemas"), mapper));
        components.set("securitySchemes", document.get("components").get("securitySchemes"));
        try {
            return OpenApiInteractionValidator.createForInlineApiSpecification(mapper.writeValueAsString(single))
                    // the request paths handed over below are already relative to servers[0] ("/api")
                    .withBasePathOverride("/")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reading the document takes a moment, so it happens once per JVM, on first use. */
    private static final class Holder {
        static final HaloOpenApi INSTANCE = load();

        private static HaloOpenApi load() {
            try (InputStream in = HaloOpenApi.class.getResourceAsStream(SPEC_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("classpath resource missing: " + SPEC_RESOURCE);
                }
                return new HaloOpenApi(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static HaloOpenApi get() {
        return Holder.INSTANCE;
    }

    /** What the document finds wrong with one request; empty if nothing (or if the request is not an API call). */
    public List<String> violations(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        if (path.endsWith("/token") || !path.startsWith(API_PREFIX + "/")) {
            return List.of();
        }
        String actualPath = path.substring(API_PREFIX.length());
        String specTemplate = specTemplate(actualPath);
        String specPath = specTemplate == null ? actualPath : toSpecSpelling(actualPath, specTemplate);
        String method = request.getMethod().getName();
        String call = method + " " + url + " (as " + specPath + "): ";
        if (specTemplate == null) {
            return List.of(call + "validation.request.path.missing: No API path found that matches request '"
                           + specPath + "'.");
        }
        String operation = method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(operation) || !document.get("paths").get(specTemplate).has(operation)) {
            return List.of(call + "validation.request.operation.notAllowed: " + method
                           + " operation not allowed on path '" + specPath + "'.");
        }

        SimpleRequest.Builder builder = new SimpleRequest.Builder(Method.valueOf(method), specPath);
        UrlEncoded.parse(q < 0 ? "" : url.substring(q + 1)).forEach(builder::withQueryParam);
        for (HttpHeader header : request.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        byte[] body = request.getBody();
        if (body != null && body.length > 0) {
            builder.withBody(request.getBodyAsString());
        }

        List<String> found = new ArrayList<>();
        for (ValidationReport.Message m : validatorFor(specTemplate, operation).validateRequest(builder.build())
                .getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                found.add(call + m.getKey() + ": " + m.getMessage());
            }
        }
        return found;
    }

    /** Fails with every violation of every request, so one run shows the whole picture. */
    public void assertValid(List<ServeEvent> events) {
        List<String> all = new ArrayList<>();
        for (ServeEvent event : events) {
            all.addAll(violations(event.getRequest()));
        }
        if (!all.isEmpty()) {
            throw new AssertionError(all.size() + " request(s) break Halo's OpenAPI document:\n  - "
                    + String.join("\n  - ", all));
        }
    }

    /**
     * The document's path template that fits a request path, or null. Halo matches paths case-insensitively; where
     * several templates fit, the one with the most literal segments wins ({@code /Agent/me} over
     * {@code /Agent/{id}}).
     */
    private String specTemplate(String path) {
        String[] actual = segments(path);
        String[] best = null;
        int bestLiterals = -1;
        for (String[] candidate : specPaths) {
            int literals = literalMatches(candidate, actual);
            if (literals > bestLiterals) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return best == null ? null : "/" + String.join("/", best);
    }

    /** The request path with its literal segments in the document's spelling, which the validator needs. */
    private static String toSpecSpelling(String path, String template) {
        String[] actual = segments(path);
        String[] spelled = segments(template);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < actual.length; i++) {
            out.append('/').append(isTemplate(spelled[i]) ? actual[i] : spelled[i]);
        }
        return out.toString();
    }

    /** Number of literal segments of {@code template} that match, or -1 when it does not fit at all. */
    private static int literalMatches(String[] template, String[] actual) {
        if (template.length != actual.length) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            if (isTemplate(template[i])) {
                continue;
            }
            if (!template[i].equalsIgnoreCase(actual[i])) {
                return -1;
            }
            literals++;
        }
        return literals;
    }

    private static boolean isTemplate(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

}
