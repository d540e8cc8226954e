package ca.passage.api;

import ca.passage.testing.RunningGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents and Swagger UI on a running gateway: served over HTTPS to any authenticated role, refused
 * (401) without credentials, Swagger UI's page and scripts from the WebJar with nothing from the internet, and the
 * real answers of every operation valid against the schema the document gives for their status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class ApiDocsGatewayTest {

    private final JsonMapper json = new JsonMapper();
    private RunningGateway running;
    private JsonNode officersDocument;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        officersDocument = json.readTree(get(running.as("auditor1"), "/api/v1/openapi.json").body());
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void theDocumentsAreServedOverHttpsToEveryRoleAndRefusedWithoutCredentials() throws Exception {
        for (String user : List.of("officer1", "supervisor1", "operator1", "auditor1", "admin1")) {
            HttpResponse<String> officers = get(running.as(user), "/api/v1/openapi.json");
            assertThat(officers.statusCode()).as(user).isEqualTo(200);
            assertThat(officers.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json.readTree(officers.body())).isEqualTo(new ApiDocuments().officersDocument());
            HttpResponse<String> partners = get(running.as(user), "/api/v1/openapi-partners.json");
            assertThat(partners.statusCode()).as(user).isEqualTo(200);
            assertThat(json.readTree(partners.body()).path("openapi").asText()).startsWith("3.1.");
        }
        assertThat(URI.create(running.baseUrl()).getScheme()).isEqualTo("https");
        for (String path : List.of("/api/v1/openapi.json", "/api/v1/openapi-partners.json", "/api/docs/",
                "/api/docs/swagger-ui-bundle.js")) {
            HttpResponse<String> anonymous = get(running.anonymous(), path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void swaggerUiAndEveryAssetItsPageNamesAreServedFromTheGatewayAndOpenTheGatewaysDocument() throws Exception {
        HttpClient officer = running.as("officer1");
        HttpResponse<String> bare = get(officer, "/api/docs");
        assertThat(bare.statusCode()).isBetween(301, 308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/api/docs/");

        HttpResponse<String> index = get(officer, "/api/docs/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(index.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js");
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(index.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(a -> assertThat(a).as("an asset from elsewhere").doesNotContain("//").doesNotStartWith("/"));
        for (String asset : assets) {
            HttpResponse<String> r = get(officer, "/api/docs/" + asset.replaceFirst("^\\./", ""));
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).isNotEmpty();
            if (asset.endsWith(".js")) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(asset).contains("javascript");
            }
        }
        String initializer = get(officer, "/api/docs/swagger-initializer.js").body();
        assertThat(initializer).contains("url: \"/api/v1/openapi.json\"", "validatorUrl: null")
                .doesNotContain("petstore").doesNotContain("https://").doesNotContain("http://");
        assertThat(get(officer, "/api/docs/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theRealAnswersOfEveryOperationMatchTheSchemaTheDocumentGivesForTheirStatus() throws Exception {
        HttpClient officer = running.as("officer1");
        HttpClient supervisor = running.as("supervisor1");
        HttpClient operator = running.as("operator1");
        HttpClient auditor = running.as("auditor1");
        List<String> checked = new ArrayList<>();

        check(checked, "POST", "/api/v1/partners/{id}/suspend", post(operator, "/api/v1/partners/eu-agency/suspend", null, ""));
        check(checked, "POST", "/api/v1/partners/{id}/resume", post(operator, "/api/v1/partners/eu-agency/resume", null, ""));
        check(checked, "POST", "/api/v1/partners/{id}/resume", post(operator, "/api/v1/partners/nobody/resume", null, ""));

        HttpResponse<String> accepted = post(officer, "/api/v1/notices", "application/xml", notice("02-red-labour-suspect.xml", "CA-DOC-1"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        check(checked, "POST", "/api/v1/notices", accepted);
        String exchangeId = json.readTree(accepted.body()).path("exchanges").get(0).path("exchangeId").asText();
        check(checked, "POST", "/api/v1/notices", post(officer, "/api/v1/notices", "application/xml", notice("02-red-labour-suspect.xml", "CA-DOC-1")));
        check(checked, "POST", "/api/v1/notices", post(officer, "/api/v1/notices", "application/xml",
                "<cn:CaseNotice xmlns:cn=\"urn:ca:passage:notice:1\" schemaVersion=\"1.0\"><noticeId>CA-DOC-BAD</noticeId></cn:CaseNotice>"));
        check(checked, "POST", "/api/v1/notices", post(officer, "/api/v1/notices", "text/plain", "a notice"));

        // a notice's lifecycle (docs/lifecycle.md): once CA-DOC-1 reached its partners
        ca.passage.testing.Await.until(Duration.ofSeconds(60), () -> running.gateway.store().exchangesOf("CA-DOC-1").stream()
                .allMatch(e -> e.state() == ca.passage.store.ExchangeState.ACKNOWLEDGED));
        check(checked, "POST", "/api/v1/notices/{id}/deletion-request", post(officer, "/api/v1/notices/CA-DOC-1/deletion-request",
                "application/json", "{\"scope\":\"DELETE\",\"reason\":\"SHARED_IN_ERROR\",\"partners\":[\"us-hsi\"]}"));
        check(checked, "POST", "/api/v1/notices/{id}/deletion-request", post(officer, "/api/v1/notices/CA-DOC-1/deletion-request",
                "application/json", "{\"scope\":\"SHRED\",\"reason\":\"OTHER\"}"));
        check(checked, "POST", "/api/v1/notices/{id}/deletion-request", post(officer, "/api/v1/notices/CA-DOC-NONE/deletion-request",
                "application/json", "{\"scope\":\"DELETE\",\"reason\":\"OTHER\"}"));
        String v2 = notice("02-red-labour-suspect.xml", "CA-DOC-1-V2")
                .replace("<version>1</version>", "<version>2</version><supersedes>CA-DOC-1</supersedes>");
        check(checked, "POST", "/api/v1/notices/{id}/update", post(officer, "/api/v1/notices/CA-DOC-1/update", "text/plain", v2));
        check(checked, "POST", "/api/v1/notices/{id}/update", post(officer, "/api/v1/notices/CA-DOC-1/update", "application/xml",
                v2.replace("<supersedes>CA-DOC-1</supersedes>", "")));
        check(checked, "POST", "/api/v1/notices/{id}/update", post(officer, "/api/v1/notices/CA-DOC-NONE/update", "application/xml", v2));
        HttpResponse<String> updated = post(officer, "/api/v1/notices/CA-DOC-1/update", "application/xml", v2);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(202);
        check(checked, "POST", "/api/v1/notices/{id}/update", updated);
        check(checked, "POST", "/api/v1/notices/{id}/update", post(officer, "/api/v1/notices/CA-DOC-1/update", "application/xml",
                v2.replace("CA-DOC-1-V2", "CA-DOC-1-V3")));
        check(checked, "POST", "/api/v1/notices/{id}/withdrawal", post(officer, "/api/v1/notices/CA-DOC-1-V2/withdrawal",
                "application/json", "{\"reason\":\"BORED\"}"));
        check(checked, "POST", "/api/v1/notices/{id}/withdrawal", post(officer, "/api/v1/notices/CA-DOC-NONE/withdrawal",
                "application/json", "{\"reason\":\"OTHER\"}"));
        HttpResponse<String> withdrawn = post(officer, "/api/v1/notices/CA-DOC-1-V2/withdrawal", "application/json",
                "{\"reason\":\"PERSON_LOCATED\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(202);
        check(checked, "POST", "/api/v1/notices/{id}/withdrawal", withdrawn);
        check(checked, "POST", "/api/v1/notices/{id}/withdrawal", post(officer, "/api/v1/notices/CA-DOC-1-V2/withdrawal",
                "application/json", "{\"reason\":\"PERSON_LOCATED\"}"));
        check(checked, "GET", "/api/v1/notices/{id}", get(officer, "/api/v1/notices/CA-DOC-1"));

        HttpResponse<String> held = post(officer, "/api/v1/notices", "application/xml", notice("01-yellow-missing-minor-sexual.xml", "CA-DOC-2"));
        assertThat(held.body()).contains("PENDING_APPROVAL");
        check(checked, "GET", "/api/v1/notices/{id}/preview", get(supervisor, "/api/v1/notices/CA-DOC-2/preview"));
        check(checked, "GET", "/api/v1/notices/{id}/preview", get(officer, "/api/v1/notices/CA-DOC-NONE/preview"));
        check(checked, "POST", "/api/v1/notices/{id}/approval", post(supervisor, "/api/v1/notices/CA-DOC-2/approval", "application/json", "{}"));
        check(checked, "POST", "/api/v1/notices/{id}/approval", post(supervisor, "/api/v1/notices/CA-DOC-2/approval", "application/json",
                "{\"decision\":\"APPROVE\",\"partners\":[\"nobody\"]}"));
        check(checked, "POST", "/api/v1/notices/{id}/approval", post(officer, "/api/v1/notices/CA-DOC-2/approval", "application/json", "{\"decision\":\"APPROVE\"}"));
        HttpResponse<String> approved = post(supervisor, "/api/v1/notices/CA-DOC-2/approval", "application/json", "{\"decision\":\"APPROVE\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        check(checked, "POST", "/api/v1/notices/{id}/approval", approved);

        HttpResponse<String> toCancel = post(officer, "/api/v1/notices", "application/xml", notice("10-red-minor-sexual-americas-route.xml", "CA-DOC-3"));
        String heldExchange = json.readTree(toCancel.body()).path("exchanges").get(0).path("exchangeId").asText();
        HttpResponse<String> cancelled = post(operator, "/api/v1/exchanges/" + heldExchange + "/cancel", null, "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        check(checked, "POST", "/api/v1/exchanges/{id}/cancel", cancelled);
        check(checked, "POST", "/api/v1/exchanges/{id}/cancel", post(operator, "/api/v1/exchanges/" + heldExchange + "/cancel", null, ""));
        check(checked, "POST", "/api/v1/exchanges/{id}/resend", post(operator, "/api/v1/exchanges/" + heldExchange + "/resend", null, ""));
        check(checked, "POST", "/api/v1/exchanges/{id}/resend", post(operator, "/api/v1/exchanges/X-none/resend", null, ""));

        check(checked, "GET", "/api/v1/notices/{id}", get(officer, "/api/v1/notices/CA-DOC-1"));
        check(checked, "GET", "/api/v1/notices/{id}", get(officer, "/api/v1/notices/CA-NONE"));
        check(checked, "GET", "/api/v1/exchanges/{id}", get(officer, "/api/v1/exchanges/" + exchangeId));
        check(checked, "GET", "/api/v1/exchanges", get(officer, "/api/v1/exchanges?limit=5"));
        check(checked, "GET", "/api/v1/exchanges", get(officer, "/api/v1/exchanges?state=LOST"));
        check(checked, "POST", "/api/v1/notices/{id}/forward", post(officer, "/api/v1/notices/CA-NONE/forward", "application/json", "{\"to\":[\"us-hsi\"]}"));
        check(checked, "POST", "/api/v1/notices/{id}/forward", post(officer, "/api/v1/notices/CA-DOC-1/forward", "application/json", "{\"to\":[\"us-hsi\"]}"));
        check(checked, "POST", "/api/v1/notices/{id}/response", post(officer, "/api/v1/notices/CA-NONE/response", "application/json", "{\"decision\":\"ACCEPTED\"}"));
        check(checked, "POST", "/api/v1/notices/{id}/response", post(officer, "/api/v1/notices/CA-NONE/response", "application/json", "{\"decision\":\"MAYBE\"}"));

        check(checked, "GET", "/api/v1/audit", get(auditor, "/api/v1/audit?size=5"));
        check(checked, "GET", "/api/v1/audit", get(auditor, "/api/v1/audit?colour=RED"));
        check(checked, "GET", "/api/v1/audit", get(officer, "/api/v1/audit"));
        check(checked, "GET", "/api/v1/audit", get(running.anonymous(), "/api/v1/audit"));
        check(checked, "GET", "/api/v1/audit/verify", get(auditor, "/api/v1/audit/verify"));
        check(checked, "GET", "/api/v1/audit/disclosures", get(auditor, "/api/v1/audit/disclosures?notice=CA-DOC-2"));
        check(checked, "GET", "/api/v1/openapi.json", get(officer, "/api/v1/openapi.json"));
        check(checked, "GET", "/api/v1/openapi-partners.json", get(officer, "/api/v1/openapi-partners.json"));

        assertThat(checked).containsAll(ApiDocuments.operations(officersDocument));
    }

    /** The answer's status is documented for the operation, and its body is valid against that response's schema. */
    private void check(List<String> checked, String method, String path, HttpResponse<String> answer) throws Exception {
        String op = method + " " + path;
        JsonNode responses = officersDocument.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses");
        String status = String.valueOf(answer.statusCode());
        assertThat(responses.has(status)).as(op + " answered " + status + " (not documented): " + answer.body()).isTrue();
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode response = responses.get(status);
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = officersDocument.at(pointer);
        }
        String type = answer.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        assertThat(response.path("content").has(type)).as(op + " " + status + " answered as " + type).isTrue();
        ObjectNode wrapper = officersDocument.deepCopy();
        wrapper.put("$ref", "#" + pointer + "/content/" + escape(type) + "/schema");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(wrapper.toString());
        assertThat(schema.validate(json.readTree(answer.body())))
                .as(op + " " + status + ": " + answer.body()).isEmpty();
        checked.add(op);
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String notice(String sample, String id) throws Exception {
        return Files.readString(Path.of("samples/notices", sample))
                .replaceAll("<noticeId>[^<]+</noticeId>", "<noticeId>" + id + "</noticeId>");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
