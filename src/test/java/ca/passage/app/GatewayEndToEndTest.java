package ca.passage.app;

import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.partner.PartnerProfile;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole outbound path in one process, as the demo runs it: REST intake, store, Artemis, translate, sign,
 * encrypt, HTTP to simulated partners that decrypt and verify, signed receipts verified, audit chain intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class GatewayEndToEndTest {

    private RunningGateway running;
    private Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private String baseUrl;
    private int managementPort;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.builder().archiving().start();
        gateway = running.gateway;
        baseUrl = running.baseUrl();
        managementPort = running.managementPort;
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void sampleNoticeIsAcknowledgedByEveryRecipientAndTheChainStaysIntact() throws Exception {
        HttpResponse<String> r = post("application/xml", Files.readAllBytes(Path.of("samples/notices/02-red-labour-suspect.xml")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("CA-2026-000102", "interpol-hub", "eu-agency", "us-hsi");

        List<ExchangeRecord> exchanges = awaitClosed("CA-2026-000102", Duration.ofSeconds(60));
        assertThat(exchanges).extracting(ExchangeRecord::state).containsOnly(ExchangeState.ACKNOWLEDGED);
        assertThat(exchanges).allSatisfy(e -> {
            assertThat(e.sentDigest()).hasSize(64);
            assertThat(e.receiptDigest()).hasSize(64);
        });
        for (PartnerProfile p : gateway.partners().all()) {
            try (var files = Files.list(running.archiveOf(p.id()))) {
                String raw = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.UTF_8);
                assertThat(raw).contains("EncryptedData", "SignatureValue").doesNotContain("Ortega");
            }
        }
        assertThat(new LedgerVerifier(gateway.checkpointVerifier()).verify(gateway.dataSource()).intact()).isTrue();
        assertThat(new ca.passage.ledger.AuditSearch(gateway.dataSource())
                .search(ca.passage.ledger.AuditQuery.all().action("POLICY_APPLIED").partner("interpol-hub")).items())
                .as("what the INTERPOL-style agreement removed is audited as category codes")
                .anySatisfy(rec -> assertThat(rec.event().errorCode()).startsWith("REMOVED:").contains("OR"));
        assertThat(get("/api/v1/notices/CA-2026-000102").body()).contains("ACKNOWLEDGED");
    }

    @Test
    void minorVictimNoticeWaitsForASupervisorAndLeavesOnlyAfterApproval() throws Exception {
        HttpResponse<String> r = post("application/xml", Files.readAllBytes(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml")));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(gateway.store().exchangesOf("CA-2026-000101")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.PENDING_APPROVAL);

        HttpResponse<String> missingSupervisor = postJson("/api/v1/notices/CA-2026-000101/approval", "{\"decision\":\"APPROVE\"}");
        assertThat(missingSupervisor.statusCode()).isEqualTo(400);
        assertThat(gateway.store().exchangesOf("CA-2026-000101")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.PENDING_APPROVAL);

        HttpResponse<String> approved = postJson("/api/v1/notices/CA-2026-000101/approval",
                "{\"decision\":\"APPROVE\",\"supervisor\":\"sgt-lavoie\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(awaitClosed("CA-2026-000101", Duration.ofSeconds(60))).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.ACKNOWLEDGED);
        assertThat(gateway.store().findNotice("CA-2026-000101").orElseThrow().approvedBy()).isEqualTo("supervisor:sgt-lavoie");
    }

    @Test
    void rejectedNoticeIsCancelledAndNeverSent() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml")).replace("CA-2026-000101", "CA-2026-REJECT");
        assertThat(post("application/xml", xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        HttpResponse<String> rejected = postJson("/api/v1/notices/CA-2026-REJECT/approval",
                "{\"decision\":\"REJECT\",\"supervisor\":\"sgt-lavoie\"}");
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat(gateway.store().exchangesOf("CA-2026-REJECT")).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(ExchangeState.CANCELLED);
            assertThat(e.attempts()).isZero();
        });
    }

    @Test
    void noticeAPartnerAgreementCannotCarryIsRefusedAtIntakeNamingThePartner() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/13-red-organ-removal.xml"))
                .replace("CA-2026-000113", "CA-2026-ORGAN")
                .replace("<recipient>interpol-hub</recipient>", "<recipient>us-hsi</recipient>");
        assertRefused(post("application/xml", xml.getBytes(StandardCharsets.UTF_8)), 400, "us-hsi");
        assertThat(gateway.store().findNotice("CA-2026-ORGAN")).isEmpty();
    }

    @Test
    void healthAndPrometheusMetricsAreServedOnTheManagementPort() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/observe/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/observe/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("camel_exchanges_total", "outbound-interpol-hub");
    }

    @Test
    void startUpRecordsWhichConfigurationAndCertificatesWereLoaded() {
        var search = new ca.passage.ledger.AuditSearch(gateway.dataSource());
        for (String action : List.of("GATEWAY_STARTED", "PARTNER_PROFILES_LOADED", "CRYPTO_CONFIG_LOADED", "CERTIFICATES_LOADED")) {
            assertThat(search.search(ca.passage.ledger.AuditQuery.all().action(action)).total()).as(action).isEqualTo(1);
        }
        assertThat(search.search(ca.passage.ledger.AuditQuery.all().action("CERTIFICATES_LOADED")).items().get(0)
                .event().digest()).hasSize(64);
    }

    @Test
    void jsonNoticeIsAcceptedLikeXmlAndAnUnsupportedMediaTypeIsRefused() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/05-green-online-recruiter-warning.xml"))
                .replaceAll("<noticeId>[^<]+</noticeId>", "<noticeId>CA-JSON-1</noticeId>");
        byte[] json = ca.passage.notice.NoticeMappers.json().writeValueAsBytes(
                ca.passage.notice.NoticeMappers.xml().readValue(xml, ca.passage.notice.CaseNotice.class));
        HttpResponse<String> r = post("application/json", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(awaitClosed("CA-JSON-1", Duration.ofSeconds(60))).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.ACKNOWLEDGED);
        assertRefused(post("text/plain", json), 415, "application/xml or application/json");
    }

    @Test
    void malformedNoticeIsRefusedWithItsPathAndLeavesNothing() throws Exception {
        HttpResponse<String> r = post("application/xml",
                "<cn:CaseNotice xmlns:cn=\"urn:ca:passage:notice:1\" schemaVersion=\"1.0\"><noticeId>CA-BAD-1</noticeId></cn:CaseNotice>"
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(r, 400, "/CaseNotice");
        assertThat(gateway.store().findNotice("CA-BAD-1")).isEmpty();
    }

    @Test
    void externalEntityPayloadIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<cn:CaseNotice xmlns:cn=\"urn:ca:passage:notice:1\" schemaVersion=\"1.0\"><noticeId>&x;</noticeId></cn:CaseNotice>";
        assertRefused(post("application/xml", xxe.getBytes(StandardCharsets.UTF_8)), 400, "DOCTYPE");
    }

    @Test
    void billionLaughsPayloadIsRefused() throws Exception {
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
        assertRefused(post("application/xml", lol.getBytes(StandardCharsets.UTF_8)), 400, "DOCTYPE");
    }

    @Test
    void noticeOverTheSizeLimitIsRefused() throws Exception {
        byte[] big = ("<x>" + "a".repeat(Gateway.MAX_NOTICE_BYTES) + "</x>").getBytes(StandardCharsets.UTF_8);
        assertRefused(post("application/xml", big), 413, "limit");
    }

    @Test
    void noticeNamingAnUnknownPartnerIsRefusedAndNothingIsQueued() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "CA-2026-UNKNOWN")
                .replace("<recipient>us-hsi</recipient>", "<recipient>atlantis-police</recipient>");
        assertRefused(post("application/xml", xml.getBytes(StandardCharsets.UTF_8)), 400, "unknown partner atlantis-police");
        assertThat(gateway.store().findNotice("CA-2026-UNKNOWN")).isEmpty();
        assertThat(gateway.store().search("atlantis-police", null, 10)).isEmpty();
    }

    private void assertRefused(HttpResponse<String> r, int status, String mention) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(r.body()).contains(mention).doesNotContain("Exception");
    }

    private List<ExchangeRecord> awaitClosed(String noticeId, Duration within) {
        return Await.until(within, () -> gateway.store().exchangesOf(noticeId),
                exchanges -> exchanges.stream().allMatch(e -> e.state().isFinal()));
    }

    private HttpResponse<String> post(String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
