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
    private HttpClient http;
    private String baseUrl;
    private int managementPort;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.builder().archiving().start();
        gateway = running.gateway;
        baseUrl = running.baseUrl();
        http = running.as("officer1");
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
                // an AS4 message is MIME with binary (encrypted) attachments: read bytes as bytes
                String raw = new String(Files.readAllBytes(files.findFirst().orElseThrow()), StandardCharsets.ISO_8859_1);
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

    /**
     * The delivery writes fewer transactions (the policy's events with the archive copy, SENT with the receipt's
     * outcome), never fewer events: each exchange's trail is still the attempt, what the policy did, the message sent,
     * the receipt accepted, in that order, each once; and both messages are archived.
     */
    @Test
    void eachExchangeKeepsItsWholeAuditTrailInOrderAndBothArchiveCopies() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")).replace("CA-2026-000102", "CA-2026-TRAIL");
        assertThat(post("application/xml", xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        List<ExchangeRecord> exchanges = awaitClosed("CA-2026-TRAIL", Duration.ofSeconds(60));
        assertThat(exchanges).extracting(ExchangeRecord::state).containsOnly(ExchangeState.ACKNOWLEDGED);
        var search = new ca.passage.ledger.AuditSearch(gateway.dataSource());
        for (ExchangeRecord e : exchanges) {
            List<String> trail = search.search(ca.passage.ledger.AuditQuery.all().exchange(e.exchangeId())).items().stream()
                    .map(rec -> rec.event().action()).toList();
            List<String> expected = e.partnerId().equals("interpol-hub")
                    ? List.of("DELIVERY_ATTEMPT", "POLICY_APPLIED", "MESSAGE_SENT", "RECEIPT_ACCEPTED")
                    : List.of("DELIVERY_ATTEMPT", "MESSAGE_SENT", "RECEIPT_ACCEPTED");
            assertThat(trail).as(e.partnerId()).containsSubsequence(expected);
            for (String action : expected) {
                assertThat(trail.stream().filter(action::equals)).as(e.partnerId() + " " + action).hasSize(1);
            }
            assertThat(archivedDirections(e.exchangeId())).as(e.partnerId()).containsExactlyInAnyOrder("SENT", "RECEIVED");
        }
    }

    @Test
    void minorVictimNoticeWaitsForASecondSupervisorNeverTheSubmitterAndLeavesOnlyAfterApproval() throws Exception {
        HttpResponse<String> r = running.as("supervisor1").send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(gateway.store().exchangesOf("CA-2026-000101")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.PENDING_APPROVAL);

        HttpResponse<String> byAnOfficer = postJson("/api/v1/notices/CA-2026-000101/approval", "{\"decision\":\"APPROVE\"}");
        assertThat(byAnOfficer.statusCode()).isEqualTo(403);
        HttpResponse<String> bySubmitter = postJson(running.as("supervisor1"), "/api/v1/notices/CA-2026-000101/approval",
                "{\"decision\":\"APPROVE\",\"supervisor\":\"supervisor2\"}");
        assertThat(bySubmitter.statusCode()).isEqualTo(403);
        assertThat(bySubmitter.body()).contains("another supervisor");
        assertThat(new ca.passage.ledger.AuditSearch(gateway.dataSource()).search(ca.passage.ledger.AuditQuery.all()
                .action("APPROVAL_DENIED")).items()).anySatisfy(e -> assertThat(e.event().actor()).isEqualTo("supervisor:supervisor1"));
        assertThat(gateway.store().exchangesOf("CA-2026-000101")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.PENDING_APPROVAL);

        HttpResponse<String> approved = postJson(running.as("supervisor2"), "/api/v1/notices/CA-2026-000101/approval",
                "{\"decision\":\"APPROVE\"}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(awaitClosed("CA-2026-000101", Duration.ofSeconds(60))).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.ACKNOWLEDGED);
        assertThat(gateway.store().findNotice("CA-2026-000101").orElseThrow().approvedBy()).isEqualTo("supervisor:supervisor2");
        assertThat(gateway.store().findNotice("CA-2026-000101").orElseThrow().submittedBy()).isEqualTo("officer:supervisor1");
    }

    @Test
    void rejectedNoticeIsCancelledAndNeverSent() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml")).replace("CA-2026-000101", "CA-2026-REJECT");
        assertThat(post("application/xml", xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        HttpResponse<String> rejected = postJson(running.as("supervisor2"), "/api/v1/notices/CA-2026-REJECT/approval",
                "{\"decision\":\"REJECT\"}");
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
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/observe/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
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

    private List<String> archivedDirections(String exchangeId) throws Exception {
        try (var c = gateway.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT direction FROM message_archive WHERE exchange_id = ?")) {
            ps.setString(1, exchangeId);
            try (var rs = ps.executeQuery()) {
                List<String> directions = new java.util.ArrayList<>();
                while (rs.next()) {
                    directions.add(rs.getString(1));
                }
                return directions;
            }
        }
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
        return postJson(http, path, json);
    }

    private HttpResponse<String> postJson(HttpClient client, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
