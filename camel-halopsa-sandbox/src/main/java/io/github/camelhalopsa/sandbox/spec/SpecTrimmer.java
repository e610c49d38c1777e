package io.github.camelhalopsa.sandbox.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cuts Halo's published OpenAPI document down to the paths this component calls and repairs the
 * parts that keep swagger-request-validator from loading it. See openapi/SOURCE.md beside the document in this module's resources.
 *
 * <p>Usage: {@code SpecTrimmer <full spec> <output>}. The output depends only on the input.
 */
public final class SpecTrimmer {

    private static final List<String> ENTITIES = List.of(
            "Actions", "Agent", "Appointment", "Asset", "Attachment", "Client", "ClientContract", "Invoice",
            "Item", "KBArticle", "Opportunities", "Organisation", "Projects", "Quotation", "Report", "Site",
            "Status", "Supplier", "Team", "Tickets", "TicketType", "TopLevel", "Users", "FieldInfo",
            // reference lists the sandbox serves beside the component's catalogue
            "Priority", "Category", "AssetType");

    private static final List<String> EXTRA_PATHS = List.of("/Agent/me", "/AuthInfo");

    /** Halo writes some parameter types the .NET way; these are their OpenAPI equivalents. */
    private static final Map<String, String> TYPE_FIXES = Map.of(
            "int", "integer",
            "long", "integer",
            "bool", "boolean",
            "double", "number",
            "datetime", "string");

    /**
     * Lists that take include_custom_fields, which Halo documents ("Comma separated list of Custom Field IDs to
     * include in the response") but its 2024 document leaves out. Sources: Halo's newer generated description
     * (covenanttechnologysolutions/halopsa-rest generator/spec/halo-psa-api.json, the LIST query parameters of
     * these eight), bart-lute/halopsa-client-go client.go (GET /Client, quoting Halo's description) and
     * redanthrax/halopsa-node (GET /Tickets, /Site, /Asset).
     */
    private static final List<String> INCLUDE_CUSTOM_FIELDS_LISTS = List.of("/Tickets", "/Opportunities",
            "/Projects", "/Client", "/Site", "/Asset", "/Item", "/Users");

    /**
     * Date bounds that Halo's document types {@code bool} ("Include the field lastupdatefromdate in the response")
     * though their names, and the change triggers that send them, are about a date-time: typed as text here, so the
     * check accepts a date and still refuses the parameter where the document has none. A bool value stays
     * acceptable text; what Halo does with either is not recorded (SOURCE.md, change 8).
     */
    private static final Set<String> DATE_BOUNDS_TYPED_BOOL = Set.of("lastupdatefromdate", "lastupdatetodate");

    /** Lists the newer description pages (pageinate, page_no, page_size) where the 2024 document does not. */
    private static final List<String> PAGED_IN_NEWER_DESCRIPTION = List.of("/Agent");

    private SpecTrimmer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SpecTrimmer <halo-api-v2.json> <halo-api-trimmed.json>");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper();
        JsonNode full = mapper.readTree(Path.of(args[0]).toFile());
        ObjectNode trimmed = trim(full, mapper);
        Files.writeString(Path.of(args[1]), mapper.writeValueAsString(trimmed) + "\n", StandardCharsets.UTF_8);
    }

    static ObjectNode trim(JsonNode full, ObjectMapper mapper) {
        Set<String> wanted = new HashSet<>(EXTRA_PATHS);
        for (String entity : ENTITIES) {
            wanted.add("/" + entity);
            wanted.add("/" + entity + "/{id}");
        }

        // keep the source document's order so the output is stable and diffs against it read naturally
        ObjectNode paths = mapper.createObjectNode();
        full.get("paths").properties().forEach(e -> {
            if (wanted.remove(e.getKey())) {
                paths.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (!wanted.isEmpty()) {
            throw new IllegalStateException("paths missing from the source document: " + wanted);
        }
        paths.forEach(SpecTrimmer::normaliseOperations);
        addActionDeleteTicketId((ObjectNode) paths.get("/Actions/{id}").get("delete"));
        INCLUDE_CUSTOM_FIELDS_LISTS.forEach(list -> addIncludeCustomFields((ObjectNode) paths.get(list).get("get")));
        PAGED_IN_NEWER_DESCRIPTION.forEach(list -> addPaging((ObjectNode) paths.get(list).get("get")));

        ObjectNode out = mapper.createObjectNode();
        out.set("openapi", full.get("openapi"));
        out.set("info", full.get("info"));
        out.set("servers", full.get("servers"));
        out.set("paths", paths);
        ObjectNode components = out.putObject("components");
        components.set("schemas", ReachableSchemas.of(paths, full.get("components").get("schemas"), mapper));
        components.set("securitySchemes", full.get("components").get("securitySchemes"));
        return out;
    }

    private static void normaliseOperations(JsonNode pathItem) {
        // "parameters" may sit on the path item (none do in Halo's document) or on each operation
        normaliseParameters(pathItem.get("parameters"));
        pathItem.forEach(operation -> normaliseParameters(operation.get("parameters")));
    }

    private static void normaliseParameters(JsonNode params) {
        if (params == null || !params.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Iterator<JsonNode> it = params.elements(); it.hasNext(); ) {
            ObjectNode param = (ObjectNode) it.next();
            if (!seen.add(param.path("in").asText() + " " + param.path("name").asText())) {
                it.remove();
                continue;
            }
            if (!param.has("schema") && !param.has("content")) {
                param.putObject("schema").put("type", "string");
            }
            JsonNode schema = param.get("schema");
            if (schema instanceof ObjectNode s && s.has("type")) {
                normaliseType(param, s);
                if (DATE_BOUNDS_TYPED_BOOL.contains(param.path("name").asText())) {
                    s.removeAll();
                    s.put("type", "string");
                }
            }
        }
    }

    private static void normaliseType(ObjectNode param, ObjectNode schema) {
        String type = schema.get("type").asText();
        String fixed = TYPE_FIXES.get(type.toLowerCase(Locale.ROOT));
        if (fixed != null) {
            schema.put("type", fixed);
        } else if (type.equals("List<int>")) {
            // Halo reads these as one comma-separated value ("1,2,3"), which OpenAPI spells as a
            // non-exploded form-style array
            schema.put("type", "array");
            schema.putObject("items").put("type", "integer");
            param.put("style", "form");
            param.put("explode", false);
        }
    }

    /**
     * Action ids are numbered per ticket, so deleting one needs the ticket id too (HaloAPI's
     * Remove-HaloAction.ps1 sends it), but Halo's document only lists it on GET /Actions/{id}.
     */
    private static void addActionDeleteTicketId(ObjectNode delete) {
        ObjectNode ticketId = addQueryParameter(delete, "ticket_id",
                "(int) Ticket the action belongs to. Added to Halo's document, see SOURCE.md.");
        if (ticketId != null) {
            ticketId.putObject("schema").put("type", "integer").put("format", "int32");
        }
    }

    /**
     * Halo's lists leave custom fields out unless asked for them by id; the parameter is documented by Halo but
     * missing from its 2024 document (see {@link #INCLUDE_CUSTOM_FIELDS_LISTS}).
     */
    private static void addIncludeCustomFields(ObjectNode get) {
        ObjectNode include = addQueryParameter(get, "include_custom_fields",
                "Comma separated list of Custom Field IDs to include in the response. Added to Halo's document, "
                + "see SOURCE.md.");
        if (include != null) {
            // ids, one comma-separated value: the same spelling as the List<int> parameters (change 4 in SOURCE.md)
            include.put("style", "form");
            include.put("explode", false);
            ObjectNode schema = include.putObject("schema");
            schema.put("type", "array");
            schema.putObject("items").put("type", "integer");
        }
    }

    /**
     * Paging as Halo's newer description gives it on GET /Agent (see {@link #PAGED_IN_NEWER_DESCRIPTION}), in the
     * spelling the 2024 document uses for the paged lists, after the type fixes of change 1.
     */
    private static void addPaging(ObjectNode get) {
        ObjectNode pageNo = addQueryParameter(get, "page_no",
                "(int) When using Pagination, the page number to return. Added to Halo's document, see SOURCE.md.");
        if (pageNo != null) {
            pageNo.putObject("schema").put("type", "integer");
        }
        ObjectNode pageSize = addQueryParameter(get, "page_size",
                "(int) When using Pagination, the size of the page. Added to Halo's document, see SOURCE.md.");
        if (pageSize != null) {
            pageSize.putObject("schema").put("type", "integer");
        }
        ObjectNode pageinate = addQueryParameter(get, "pageinate",
                "(bool) Whether to use Pagination in the response. Added to Halo's document, see SOURCE.md.");
        if (pageinate != null) {
            pageinate.putObject("schema").put("type", "boolean");
        }
    }

    /** A new query parameter of an operation, for the caller to give a schema; null if it has one by that name. */
    private static ObjectNode addQueryParameter(ObjectNode operation, String name, String description) {
        ArrayNode params = operation.withArrayProperty("parameters");
        for (JsonNode p : params) {
            if (name.equals(p.path("name").asText())) {
                return null;
            }
        }
        ObjectNode param = params.addObject();
        param.put("name", name);
        param.put("in", "query");
        param.put("description", description);
        return param;
    }
}
