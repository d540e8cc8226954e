package ca.passage.api;

import ca.passage.access.AccessGate;
import ca.passage.console.ConsolePages;
import ca.passage.intake.NoticeApproval;
import ca.passage.partner.Removal;
import ca.passage.outbound.LifecycleOutcome;
import ca.passage.store.ExchangeKind;
import ca.passage.access.AccessTable;
import ca.passage.intake.IntakeReceipt;
import ca.passage.ledger.DisclosureReport;
import ca.passage.notice.CaseNotice;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenAPI documents against what they describe: the rest: blocks of routes/*.camel.yaml (both ways), the access
 * table (every operation's roles, every row documented), OpenAPI 3.1 validity, and the records the answers are made
 * from. Adding a route without documenting it fails here.
 */
class ApiDocumentsTest {

    private static final Path ROUTES = Path.of("routes");
    private final ApiDocuments documents = new ApiDocuments();

    @Test
    void bothDocumentsAreOpenApi31ThatTheSwaggerParserReadsWithoutAMessage() {
        for (JsonNode document : List.of(documents.officersDocument(), documents.partnersDocument())) {
            assertThat(document.path("openapi").asText()).startsWith("3.1.");
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString(), null, options);
            assertThat(result.getMessages()).as(document.path("info").path("title").asText()).isEmpty();
            assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
        }
    }

    @Test
    void everyRestRouteIsDocumentedOnItsListenerAndEveryDocumentedOperationIsARoute() throws IOException {
        assertThat(undocumented(ROUTES)).isEmpty();
        assertThat(restRoutes(ROUTES)).contains("POST /api/v1/notices", "GET /api/v1/audit/verify",
                "POST /exchange/v1/inbound", "GET /api/v1/openapi.json");
    }

    @Test
    void aRestRouteAddedWithoutDocumentationIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("new.camel.yaml"), """
                - rest:
                    path: /api/v1
                    get:
                      - path: /notices/{id}/history
                        to: direct:history
                """);
        assertThat(undocumented(dir)).containsExactly("not in openapi/officers.openapi.json: GET /api/v1/notices/{id}/history");
    }

    @Test
    void everyOfficersOperationCarriesTheRolesOfItsAccessTableRowAndTheGatesAnswers() {
        JsonNode doc = documents.officersDocument();
        for (String op : ApiDocuments.operations(doc)) {
            String method = op.split(" ")[0];
            String path = op.split(" ")[1];
            JsonNode operation = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
            AccessTable.Rule rule = AccessTable.ruleFor(method, path).orElseThrow();
            assertThat(rule.path()).as(op).isEqualTo(path);
            List<String> roles = new ArrayList<>();
            operation.path(ApiDocuments.ROLES_EXTENSION).forEach(r -> roles.add(r.asText()));
            assertThat(roles).as(op).containsExactlyElementsOf(rule.roles().stream().map(Enum::name).sorted().toList());
            assertThat(operation.path("description").asText()).as(op).contains("**Roles:** " + String.join(", ", roles));
            assertThat(operation.path("responses").has("401")).as(op).isTrue();
            assertThat(operation.path("responses").has("403")).as(op).isTrue();
        }
    }

    @Test
    void everyAccessTableRowIsADocumentedOperationOrSwaggerUi() {
        List<String> documented = ApiDocuments.operations(documents.officersDocument());
        List<String> undocumentedRows = AccessTable.RULES.stream()
                .filter(r -> !r.path().startsWith(SwaggerUi.PATH) && !r.path().startsWith(ConsolePages.PATH))
                .map(r -> r.method() + " " + r.path())
                .filter(r -> !documented.contains(r))
                .toList();
        assertThat(undocumentedRows).isEmpty();
    }

    @Test
    void anOperationTheAccessTableDoesNotListStopsTheGatewayAtStartUp() {
        assertThatThrownBy(() -> new ApiDocuments("openapi-test/unlisted.openapi.json", ApiDocuments.PARTNERS_RESOURCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openapi-test/unlisted.openapi.json")
                .hasMessageContaining("GET /api/v1/nowhere");
    }

    @Test
    void theSchemasOfAnswersAndOfTheJsonNoticeNameEveryFieldOfTheRecordsTheyAreMadeFrom() {
        JsonNode schemas = documents.officersDocument().path("components").path("schemas");
        Map<String, Class<? extends Record>> madeFrom = Map.ofEntries(
                Map.entry("Problem", Problem.class),
                Map.entry("Violation", Violation.class),
                Map.entry("IntakeReceipt", IntakeReceipt.class),
                Map.entry("ExchangeRef", IntakeReceipt.ExchangeRef.class),
                Map.entry("ExchangeRecord", ExchangeRecord.class),
                Map.entry("Disclosure", DisclosureReport.Disclosure.class),
                Map.entry("NoticeJson", CaseNotice.class),
                Map.entry("NoticePreview", NoticeApproval.Preview.class),
                Map.entry("PartnerPreview", NoticeApproval.PartnerPreview.class),
                Map.entry("Removal", Removal.class),
                Map.entry("LifecycleOutcome", LifecycleOutcome.class),
                Map.entry("LifecycleExchangeRef", LifecycleOutcome.ExchangeRef.class),
                Map.entry("NoticeLifecycle", ca.passage.store.NoticeLifecycle.class));
        madeFrom.forEach((schema, record) -> {
            Set<String> properties = new TreeSet<>();
            schemas.path(schema).path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = new TreeSet<>(Arrays.stream(record.getRecordComponents())
                    .map(RecordComponent::getName).toList());
            assertThat(properties).as(schema + " vs " + record.getSimpleName()).isEqualTo(components);
        });
        List<String> states = new ArrayList<>();
        schemas.path("ExchangeState").path("enum").forEach(s -> states.add(s.asText()));
        assertThat(states).containsExactlyElementsOf(Arrays.stream(ExchangeState.values()).map(Enum::name).toList());
        List<String> kinds = new ArrayList<>();
        schemas.path("ExchangeKind").path("enum").forEach(s -> kinds.add(s.asText()));
        assertThat(kinds).containsExactlyElementsOf(Arrays.stream(ExchangeKind.values()).map(Enum::name).toList());
    }

    /** What the documents and the routes disagree on, one line each (empty: they agree). */
    static List<String> undocumented(Path routesDir) throws IOException {
        List<String> routes = restRoutes(routesDir);
        List<String> officers = ApiDocuments.operations(new ApiDocuments().officersDocument());
        List<String> partners = ApiDocuments.operations(new ApiDocuments().partnersDocument());
        List<String> problems = new ArrayList<>();
        for (String route : routes) {
            boolean partnerRoute = AccessGate.PARTNER_PATHS.contains(route.split(" ")[1]);
            if (!(partnerRoute ? partners : officers).contains(route)) {
                problems.add("not in " + (partnerRoute ? ApiDocuments.PARTNERS_RESOURCE : ApiDocuments.OFFICERS_RESOURCE)
                        + ": " + route);
            }
        }
        Stream.concat(officers.stream(), partners.stream()).filter(op -> !routes.contains(op))
                .forEach(op -> problems.add("documented but no rest route: " + op));
        return problems;
    }

    /** Every verb of every rest: block in the folder's *.camel.yaml, as {@code METHOD /path}. */
    static List<String> restRoutes(Path routesDir) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<String> routes = new ArrayList<>();
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                for (JsonNode item : yaml.readTree(file.toFile())) {
                    JsonNode rest = item.get("rest");
                    if (rest == null) {
                        continue;
                    }
                    String base = rest.path("path").asText("");
                    if (base.startsWith(ConsolePages.PATH)) {
                        continue; // the console's pages, not the API
                    }
                    for (String method : ApiDocuments.HTTP_METHODS) {
                        for (JsonNode verb : rest.path(method)) {
                            routes.add(method.toUpperCase(Locale.ROOT) + " " + base + verb.path("path").asText(""));
                        }
                    }
                }
            }
        }
        return routes;
    }
}
