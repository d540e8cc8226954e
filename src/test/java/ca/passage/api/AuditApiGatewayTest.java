package ca.passage.api;

import ca.passage.app.Gateway;
import ca.passage.store.ArchiveKeys;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.MessageArchive;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auditors' REST API on a running gateway with simulated partners: role check, bad filters, search and
 * paging, every query recorded, disclosure report, the archive purge route, and verify (intact, then ALTERED
 * after a row is edited behind the gateway's back; that test runs last).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("process")
class AuditApiGatewayTest {

    private static final String NOTICE = "CA-2026-000102";
    private static final List<String> RECIPIENTS = List.of("eu-agency", "interpol-hub", "us-hsi");

    private final JsonMapper json = JsonMapper.builder().build();
    private Path dir;
    private Gateway gateway;
    private String baseUrl;
    private Instant sentBefore;

    private RunningGateway running;
    /** auditor1 (AUDITOR), and supervisor1 (OFFICER and SUPERVISOR, not AUDITOR). */
    private HttpClient auditor;
    private HttpClient supervisor;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
        auditor = running.as("auditor1");
        supervisor = running.as("supervisor1");
        dir = running.dir;
        gateway = running.gateway;
        baseUrl = running.baseUrl();

        HttpResponse<String> r = running.as("officer1").send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(
                        Path.of("samples/notices/02-red-labour-suspect.xml")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
        List<ExchangeRecord> xs = Await.until(Duration.ofSeconds(60), () -> gateway.store().exchangesOf(NOTICE),
                found -> found.stream().allMatch(e -> e.state().isFinal()));
        assertThat(xs).extracting(e -> e.state().name()).containsOnly("ACKNOWLEDGED");
        Instant lastEvent = Instant.now();
        sentBefore = Await.until(Duration.ofSeconds(1), Instant::now, now -> now.isAfter(lastEvent.plusMillis(4)));
        // every event of the notice is older than sentBefore; the auditors' queries are younger
        Await.until(Duration.ofSeconds(1), () -> Instant.now().isAfter(sentBefore.plusMillis(4)));
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    @Order(1)
    void aCallerWithoutTheAuditorRoleIsRefusedAndTheRefusalIsRecorded() throws Exception {
        for (String path : List.of("/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/disclosures?notice=" + NOTICE)) {
            assertProblem(get(path, running.anonymous()), 401, "credentials required");
            assertProblem(get(path, supervisor), 403, "AUDITOR");
        }
        // identity headers are deleted by the gateway: they make an officer no auditor
        HttpResponse<String> forged = running.as("officer1").send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/audit"))
                .header("X-Passage-User", "alice").header("X-Passage-Roles", "AUDITOR")
                .header(ca.passage.access.Principal.ROLES_HEADER, "AUDITOR").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(forged, 403, "AUDITOR");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode denied = ok(get("/api/v1/audit?action=ACCESS_DENIED&actor=user:supervisor1", auditor));
            assertThat(denied.get("total").asLong()).isEqualTo(3);
            assertThat(denied.get("items").get(0).get("outcome").asText()).isEqualTo("HTTP_403");
        });
    }

    @Test
    @Order(2)
    void badFiltersAreRefusedNamingEachParameter() throws Exception {
        HttpResponse<String> r = get("/api/v1/audit?from=yesterday&to=2026-13-01T00:00:00Z&page=0&size=5000"
                + "&colour=red&partner=" + "p".repeat(65) + "&notice=a&notice=b", auditor);
        assertProblem(r, 400, "Invalid query");
        JsonNode v = json.readTree(r.body()).get("violations");
        assertThat(v.findValuesAsText("path")).containsExactlyInAnyOrder("colour", "notice");
        // malformed names come first (parsing); values are checked only when every name is known
        HttpResponse<String> values = get("/api/v1/audit?from=yesterday&to=2026-13-01T00:00:00Z&page=0&size=5000"
                + "&partner=" + "p".repeat(65), auditor);
        assertProblem(values, 400, "Invalid query");
        assertThat(json.readTree(values.body()).get("violations").findValuesAsText("path"))
                .containsExactlyInAnyOrder("from", "to", "page", "size", "partner");
        assertProblem(get("/api/v1/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", auditor),
                400, "after");
        // the identity never comes from the query string
        assertProblem(get("/api/v1/audit?" + ca.passage.access.Principal.ROLES_HEADER + "=AUDITOR", auditor),
                400, "headers only");
        assertProblem(get("/api/v1/audit/verify?deep=1", auditor), 400, "takes no parameters");
        // nor can a request header stand in for the query string
        HttpResponse<String> smuggled = running.as("auditor1").send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/audit/verify"))
                .header("CamelHttpQuery", "deep=1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(smuggled.statusCode()).as(smuggled.body()).isEqualTo(200);
        assertProblem(get("/api/v1/audit/disclosures", auditor), 400, "either notice");
        assertProblem(get("/api/v1/audit/disclosures?partner=us-hsi", auditor), 400, "required with partner");
        assertProblem(get("/api/v1/audit/disclosures?notice=" + NOTICE + "&partner=us-hsi", auditor),
                400, "either notice");
    }

    @Test
    @Order(3)
    void searchFiltersAndPagesAndTheQueryIsRecorded() throws Exception {
        // each query is recorded with the notice id it filtered on, so it would match the next one: bound by time
        String upToNow = "&to=" + sentBefore;
        JsonNode all = ok(get("/api/v1/audit?notice=" + NOTICE + upToNow + "&size=1000", auditor));
        long total = all.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3 * 3); // per recipient at least queued, sent, acknowledged
        assertThat(all.get("items").findValuesAsText("noticeId")).containsOnly(NOTICE);
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("hash").asText()).hasSize(64);
        assertThat(first.get("prevHash").asText()).hasSize(64);
        assertThat(first.get("seq").asLong()).isPositive();

        List<Long> paged = new ArrayList<>();
        int page = 1;
        JsonNode p;
        do {
            p = ok(get("/api/v1/audit?notice=" + NOTICE + upToNow + "&size=4&page=" + page++, auditor));
            assertThat(p.get("items").size()).isLessThanOrEqualTo(4);
            p.get("items").forEach(i -> paged.add(i.get("seq").asLong()));
        } while (p.get("hasNext").asBoolean());
        assertThat(paged).hasSize((int) total).isSorted().doesNotHaveDuplicates()
                .isEqualTo(all.get("items").findValues("seq").stream().map(JsonNode::asLong).toList());

        JsonNode toUs = ok(get("/api/v1/audit?notice=" + NOTICE + upToNow + "&partner=us-hsi&outcome=OK", auditor));
        assertThat(toUs.get("items").findValuesAsText("partnerId")).containsOnly("us-hsi");
        assertThat(toUs.get("items").findValuesAsText("outcome")).containsOnly("OK");
        String firstAction = toUs.get("items").get(0).get("action").asText();
        JsonNode byAction = ok(get("/api/v1/audit?partner=us-hsi&action=" + firstAction, auditor));
        assertThat(byAction.get("items").findValuesAsText("action")).containsOnly(firstAction);

        assertThat(ok(get("/api/v1/audit?notice=" + NOTICE + "&to=2020-01-01T00:00:00Z", auditor))
                .get("total").asLong()).isZero();
        assertThat(ok(get("/api/v1/audit?notice=" + NOTICE + "&from=2020-01-01T00:00:00%2B01:00&to=" + sentBefore,
                auditor)).get("total").asLong()).isEqualTo(total);

        JsonNode recorded = ok(get("/api/v1/audit?actor=auditor:auditor1&action=AUDIT_SEARCH&partner=us-hsi",
                auditor));
        assertThat(recorded.get("items").findValuesAsText("noticeId")).contains(NOTICE);
        assertThat(recorded.get("items").findValuesAsText("outcome")).containsOnly("OK");
    }

    @Test
    @Order(4)
    void disclosureReportListsWhatWasSentToWhom() throws Exception {
        JsonNode byNotice = ok(get("/api/v1/audit/disclosures?notice=" + NOTICE, auditor));
        assertThat(byNotice.get("disclosed").asLong()).isEqualTo(3);
        assertThat(byNotice.get("acknowledged").asLong()).isEqualTo(3);
        assertThat(byNotice.get("disclosures").findValuesAsText("partnerId"))
                .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
        JsonNode d = byNotice.get("disclosures").get(0);
        assertThat(d.get("sentDigest").asText()).hasSize(64);
        assertThat(d.get("legalBasis").asText()).isNotBlank();
        assertThat(d.get("handlingCode").asText()).startsWith("H");

        JsonNode byPartner = ok(get("/api/v1/audit/disclosures?partner=us-hsi&from=2020-01-01T00:00:00Z&to="
                + sentBefore, auditor));
        assertThat(byPartner.get("disclosures").findValuesAsText("partnerId")).containsOnly("us-hsi");
        assertThat(byPartner.get("disclosures").findValuesAsText("noticeId")).containsExactly(NOTICE);
        assertThat(ok(get("/api/v1/audit/disclosures?partner=us-hsi&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z",
                auditor)).get("disclosures").size()).isZero();

        JsonNode recorded = ok(get("/api/v1/audit?actor=auditor:auditor1&action=AUDIT_REPORT_NOTICE", auditor));
        assertThat(recorded.get("items").findValuesAsText("noticeId")).containsExactly(NOTICE);
    }

    @Test
    @Order(5)
    void theArchiveKeyIsGeneratedOnceInTheKeysFolderAndThePurgeRouteDeletesOnlyWhatIsPastRetention() throws Exception {
        Path keyFile = dir.resolve("keys").resolve(ArchiveKeys.FILE);
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        MessageArchive archive = gateway.archive();
        // eu-agency keeps 3 years, interpol-hub and us-hsi 5 (partner-profiles/*.yaml)
        MessageArchive.Stored euOld = archive.store(MessageArchive.Direction.SENT, "eu-agency", "M-1", "X-1", "a".getBytes());
        MessageArchive.Stored euYoung = archive.store(MessageArchive.Direction.SENT, "eu-agency", "M-2", "X-2", "b".getBytes());
        MessageArchive.Stored hubFourYears = archive.store(MessageArchive.Direction.RECEIVED, "interpol-hub", "M-3", "X-3", "c".getBytes());
        MessageArchive.Stored usOld = archive.store(MessageArchive.Direction.SENT, "us-hsi", "M-4", "X-4", "d".getBytes());
        MessageArchive.Stored gone = archive.store(MessageArchive.Direction.SENT, "retired-partner", "M-5", "X-5", "e".getBytes());
        MessageArchive.Stored euToday = archive.store(MessageArchive.Direction.SENT, "eu-agency", "M-6", "X-6", "f".getBytes());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        backdate(euOld, now.minusYears(3).minusDays(1));
        backdate(euYoung, now.minusYears(3).plusDays(1));
        backdate(hubFourYears, now.minusYears(4));
        backdate(usOld, now.minusYears(5).minusDays(1));
        backdate(gone, now.minusYears(50));

        gateway.camelContext().createProducerTemplate().sendBody("direct:archive-purge", null);

        assertThat(archiveIds()).contains(euYoung.archiveId(), hubFourYears.archiveId(), gone.archiveId(),
                euToday.archiveId()).doesNotContain(euOld.archiveId(), usOld.archiveId());
        assertThat(archive.read(euToday.archiveId())).isEqualTo("f".getBytes());
        // backdating a row is an alteration: its stored-at is bound into the ciphertext's associated data
        assertThatThrownBy(() -> archive.read(euYoung.archiveId())).hasMessageContaining("altered ciphertext");
        JsonNode purged = ok(get("/api/v1/audit?action=MESSAGE_PURGED", auditor));
        assertThat(purged.get("items").findValuesAsText("messageId")).containsExactlyInAnyOrder("M-1", "M-4");
        assertThat(purged.get("items").findValuesAsText("digest"))
                .containsExactlyInAnyOrder(euOld.digest(), usOld.digest());
        assertThat(gateway.camelContext().getRouteController().getRouteStatus("archive-purge-timer").isStarted()).isTrue();
        assertThat(gateway.camelContext().getRouteController().getRouteStatus("audit-checkpoint").isStarted()).isTrue();
    }

    @Test
    @Order(6)
    void verifyReportsIntactThenAlteredAfterARowIsEditedBehindTheGatewaysBack() throws Exception {
        JsonNode intact = ok(get("/api/v1/audit/verify", auditor));
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("kind").asText()).isEqualTo("INTACT");
        assertThat(intact.get("firstBrokenSeq").isNull()).isTrue();
        assertThat(intact.get("headHash").asText()).hasSize(64);

        long victim;
        try (Connection c = gateway.dataSource().getConnection()) { // a connection of its own, outside the ledger
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM audit_event WHERE notice_id = ? "
                    + "AND partner_id = 'us-hsi'")) {
                ps.setString(1, NOTICE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    victim = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET partner_id = 'eu-agency' WHERE seq = ?")) {
                ps.setLong(1, victim);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        JsonNode broken = ok(get("/api/v1/audit/verify", auditor));
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("kind").asText()).isEqualTo("ALTERED");
        assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(victim);
        assertThat(broken.get("summary").asText()).contains("BROKEN at seq " + victim);

        JsonNode recorded = ok(get("/api/v1/audit?action=AUDIT_VERIFY&actor=auditor:auditor1", auditor));
        JsonNode items = recorded.get("items");
        assertThat(items.findValuesAsText("outcome")).endsWith("INTACT", "BROKEN").containsOnlyOnce("BROKEN");
        assertThat(items.get(items.size() - 1).get("errorCode").asText()).isEqualTo("ALTERED");
    }

    private void backdate(MessageArchive.Stored s, OffsetDateTime when) throws Exception {
        try (Connection c = gateway.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE message_archive SET stored_at = ? WHERE archive_id = ?")) {
            ps.setObject(1, when);
            ps.setString(2, s.archiveId());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> archiveIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = gateway.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT archive_id FROM message_archive");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return json.readTree(r.body());
    }

    private void assertProblem(HttpResponse<String> r, int status, String mention) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(r.body()).contains(mention).doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
