package ca.passage.api;

import ca.passage.access.AccessTable;
import ca.passage.access.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 documents of the REST API ({@code GET /api/v1/openapi.json} and {@code /api/v1/openapi-partners.json}).
 * They are written by hand in {@code src/main/resources/openapi/} (the REST DSL declares no types, so a generated
 * document would carry no schemas) and checked against the routes by {@code ApiDocumentsTest}.
 *
 * <p>What every officers' operation shares is added here rather than written once per operation: the roles it needs,
 * read from {@link AccessTable} (so the document cannot disagree with the gate), as {@value #ROLES_EXTENSION} and in
 * its description, and the access gate's own answers (401, 403, 429). An operation the table does not list stops
 * the gateway at start-up: the gate would refuse it to everyone.
 */
public final class ApiDocuments {

    public static final String OFFICERS_RESOURCE = "openapi/officers.openapi.json";
    public static final String PARTNERS_RESOURCE = "openapi/partners.openapi.json";
    public static final String ROLES_EXTENSION = "x-passage-roles";
    static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final JsonMapper JSON = new JsonMapper();

    private final JsonNode officers;
    private final JsonNode partners;
    private final String officersJson;
    private final String partnersJson;

    public ApiDocuments() {
        this(OFFICERS_RESOURCE, PARTNERS_RESOURCE);
    }

    ApiDocuments(String officersResource, String partnersResource) {
        this.officers = withAccess(officersResource, read(officersResource));
        this.partners = read(partnersResource);
        this.officersJson = write(officers);
        this.partnersJson = write(partners);
    }

    /** {@code GET /api/v1/openapi.json}: the officers' listener, with each operation's roles. */
    public ApiResponse officers() {
        return new ApiResponse(200, ApiResponse.JSON, officersJson, List.of());
    }

    /** {@code GET /api/v1/openapi-partners.json}: the partners' mutual-TLS listener. */
    public ApiResponse partners() {
        return new ApiResponse(200, ApiResponse.JSON, partnersJson, List.of());
    }

    /** The officers' document as served. */
    public JsonNode officersDocument() {
        return officers.deepCopy();
    }

    /** The partners' document as served. */
    public JsonNode partnersDocument() {
        return partners.deepCopy();
    }

    /** Every operation of a document as {@code METHOD /path}, e.g. {@code POST /api/v1/notices}. */
    public static List<String> operations(JsonNode document) {
        List<String> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : HTTP_METHODS) {
                if (path.getValue().has(method)) {
                    ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return ops;
    }

    private static JsonNode withAccess(String resource, JsonNode document) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : HTTP_METHODS) {
                if (path.getValue().get(method) instanceof ObjectNode operation) {
                    String verb = method.toUpperCase(Locale.ROOT);
                    AccessTable.Rule rule = AccessTable.ruleFor(verb, path.getKey()).orElseThrow(() ->
                            new IllegalStateException(resource + ": paths." + path.getKey() + "." + method
                                    + ": no row of ca.passage.access.AccessTable allows " + verb + " " + path.getKey()
                                    + " (add one, or remove the operation)"));
                    List<String> roles = rule.roles().stream().map(Role::name).sorted().toList();
                    operation.putArray(ROLES_EXTENSION).addAll(roles.stream().map(JSON.getNodeFactory()::textNode).toList());
                    String description = operation.path("description").asText("");
                    operation.put("description", (description.isEmpty() ? "" : description + "\n\n")
                            + "**Roles:** " + String.join(", ", roles) + " (ca.passage.access.AccessTable).");
                    ObjectNode responses = operation.withObjectProperty("responses");
                    addGateAnswer(responses, "401", "Unauthenticated");
                    addGateAnswer(responses, "403", "Forbidden");
                    addGateAnswer(responses, "429", "TooManyRefusals");
                }
            }
        }
        return document;
    }

    /** The gate's answer, unless the operation documents its own for that status (which then names both causes). */
    private static void addGateAnswer(ObjectNode responses, String status, String component) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + component);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ApiDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + resource + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + resource + ": " + e.getMessage(), e);
        }
    }

    private static String write(JsonNode document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OpenAPI document", e);
        }
    }
}
