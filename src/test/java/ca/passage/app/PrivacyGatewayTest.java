package ca.passage.app;

import ca.passage.crypto.Keyring;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.PartnerTrust;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.DisclosureReport;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.Transition;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import ca.passage.xml.SecureXml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy through a running gateway: each partner's own legal basis in the audit and the disclosure report, free-text
 * redaction audited by kind, hold reasons stored with the held exchanges and shown, the supervisor's per-partner
 * preview and decision.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyGatewayTest {

    private static final String REDACTION_NOTICE = "src/test/resources/redaction-notices/20-blue-free-text-redaction.xml";
    private RunningGateway running;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.builder().archiving().start();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void eachPartnersOwnLegalBasisIsAuditedAndReportedAndFreeTextRedactionIsAuditedByKind() throws Exception {
        HttpResponse<String> r = post(Files.readAllBytes(Path.of(REDACTION_NOTICE)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        Await.until(Duration.ofSeconds(90), () -> running.gateway.store().exchangesOf("CA-2026-000903").stream()
                .allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED));

        AuditSearch audit = new AuditSearch(running.gateway.dataSource());
        assertThat(audit.search(AuditQuery.all().action("MESSAGE_SENT").notice("CA-2026-000903").partner("us-hsi")).items())
                .singleElement().satisfies(rec -> assertThat(rec.event().legalBasis()).isEqualTo(
                        "CA-US-MLAT-1985-HT-ANNEX: Canada-US Treaty on Mutual Legal Assistance in Criminal Matters; "
                                + "Beyond the Border Action Plan; disclosed under Privacy Act s. 8(2)(f)"));
        assertThat(audit.search(AuditQuery.all().action("MESSAGE_SENT").notice("CA-2026-000903").partner("interpol-hub")).items())
                .singleElement().satisfies(rec -> {
                    assertThat(rec.event().legalBasis()).startsWith("CA-IP-NCB-2019-07: INTERPOL Rules");
                    assertThat(rec.event().handlingCode()).isEqualTo("H2");
                });
        assertThat(audit.search(AuditQuery.all().action("FREE_TEXT_REDACTED").notice("CA-2026-000903").partner("interpol-hub")).items())
                .singleElement().satisfies(rec -> assertThat(rec.event().errorCode())
                        .isEqualTo("REDACTED:DB,DO,EM,NM,OG,PH,RG"));

        DisclosureReport.Report report = new DisclosureReport(running.gateway.dataSource()).forNotice("CA-2026-000903");
        assertThat(report.disclosures()).extracting(DisclosureReport.Disclosure::partnerId, DisclosureReport.Disclosure::legalBasis)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly("us-hsi",
                        "CA-US-MLAT-1985-HT-ANNEX: Canada-US Treaty on Mutual Legal Assistance in Criminal Matters; "
                                + "Beyond the Border Action Plan; disclosed under Privacy Act s. 8(2)(f)"))
                .anySatisfy(t -> assertThat((String) t.toList().get(1)).startsWith("CA-IP-NCB-2019-07: "));
        assertThat(running.gateway.store().findNotice("CA-2026-000903").orElseThrow().legalBasis())
                .as("the officer's basis stays the case's own")
                .isEqualTo("UN Trafficking Protocol art. 10; Criminal Code s. 279.01; IRPA s. 118");
    }

    @Test
    void aNoticeWhoseFreeTextHasAnUnattributedPhoneIsHeldWithItsReasonStoredAndShown() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"), StandardCharsets.UTF_8)
                .replace("CA-2026-000102", "CA-2026-HELD-PHONE")
                .replaceFirst("<recruitment>", "<recruitment>Second recruiter reachable on +52 222 555 0188. ");
        assertThat(post(xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        ExchangeRecord held = running.gateway.store().exchangesOf("CA-2026-HELD-PHONE").get(0);
        assertThat(held.state()).isEqualTo(ExchangeState.PENDING_APPROVAL);
        assertThat(held.lastError()).isEqualTo("held for a supervisor: free text /CaseNotice/offence/recruitment holds "
                + "a phone-shaped number that belongs to no person of the notice");
        HttpResponse<String> shown = running.as("officer1").send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                + "/api/v1/exchanges/" + held.exchangeId())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shown.body()).contains("phone-shaped number that belongs to no person").doesNotContain("555 0188");
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return running.as("officer1").send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApprovalForAnotherPayloadThanTheOneMadeAtSendTimeSendsTheExchangeBackToPendingApproval() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"), StandardCharsets.UTF_8)
                .replace("CA-2026-000102", "CA-2026-DIGEST")
                .replace("<recipient>interpol-hub</recipient>", "").replace("<recipient>eu-agency</recipient>", "")
                .replaceFirst("<recruitment>", "<recruitment>Second recruiter reachable on +52 222 555 0199. ");
        assertThat(post(xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        ExchangeRecord held = running.gateway.store().exchangesOf("CA-2026-DIGEST").get(0);
        assertThat(held.state()).isEqualTo(ExchangeState.PENDING_APPROVAL);

        // An approval recorded for a payload other than the one the send step will make (as after a profile or
        // policy change between approval and sending): the recovery sweep queues the released exchange.
        running.gateway.store().decideApproval("CA-2026-DIGEST", "APPROVED", "supervisor:test",
                List.of(Transition.of(held.exchangeId(), EnumSet.of(ExchangeState.PENDING_APPROVAL), ExchangeState.RECEIVED,
                        AuditEvent.exchange(null, "supervisor:test", ca.passage.ledger.AuditAction.NOTICE_APPROVED, "CA-2026-DIGEST",
                                held.exchangeId(), held.messageId(), "us-hsi"))),
                Map.of(held.exchangeId(), "0".repeat(64)));
        Await.until(Duration.ofSeconds(90), () -> running.gateway.store().findExchange(held.exchangeId())
                .orElseThrow().attempts() > 0
                && running.gateway.store().findExchange(held.exchangeId()).orElseThrow().state() == ExchangeState.PENDING_APPROVAL);
        ExchangeRecord back = running.gateway.store().findExchange(held.exchangeId()).orElseThrow();
        assertThat(back.lastError()).startsWith("held for a supervisor again: the payload that would leave now")
                .contains("is not the one approved (digest " + "0".repeat(64) + ")");
        assertThat(back.sentDigest()).isNull();

        HttpResponse<String> approved = running.as("supervisor1").send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                        + "/api/v1/notices/CA-2026-DIGEST/approval")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\",\"supervisor\":\"sgt-lavoie\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        Await.until(Duration.ofSeconds(90), () -> running.gateway.store().findExchange(held.exchangeId())
                .orElseThrow().state() == ExchangeState.ACKNOWLEDGED);
    }

    @Test
    void aSupervisorApprovesOnePartnerAndRejectsAnotherFromThePreviewAndOnlyTheApprovedPayloadLeavesExactlyAsPreviewed()
            throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml"), StandardCharsets.UTF_8)
                .replace("CA-2026-000101", "CA-2026-PER-PARTNER")
                .replace("<recipient>us-hsi</recipient>", "<recipient>us-hsi</recipient><recipient>eu-agency</recipient>");
        assertThat(post(xml.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
        Map<String, ExchangeRecord> byPartner = exchangesByPartner("CA-2026-PER-PARTNER");
        assertThat(byPartner.values()).extracting(ExchangeRecord::state).containsOnly(ExchangeState.PENDING_APPROVAL);

        HttpResponse<String> shown = get("supervisor1", "/api/v1/notices/CA-2026-PER-PARTNER/preview");
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(shown.body());
        assertThat(preview.path("noticeId").asText()).isEqualTo("CA-2026-PER-PARTNER");
        assertThat(preview.path("partners")).hasSize(3);
        JsonNode us = partnerIn(preview, "us-hsi");
        assertThat(us.path("exchangeId").asText()).isEqualTo(byPartner.get("us-hsi").exchangeId());
        assertThat(us.path("state").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(us.path("format").asText()).isEqualTo("us-niem/1");
        assertThat(us.path("payloadDigest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(us.path("holdReasons").toString()).contains("the notice involves a minor victim");
        assertThat(us.path("removed").findValuesAsText("category")).contains("VICTIM_IDENTITY");
        assertThat(us.path("removed").findValuesAsText("path")).contains("/CaseNotice/person[1]");
        assertThat(us.path("removed").toString()).as("categories, paths and reasons, never the removed values")
                .doesNotContain("Beaulieu", "Amélie");
        assertThat(us.path("payload").asText()).startsWith("<").doesNotContain("Beaulieu");
        assertThat(partnerIn(preview, "eu-agency").path("payload").asText()).as("EU's agreement allows victim identity")
                .contains("Beaulieu");

        assertThat(decide("supervisor1", "{\"decision\":\"APPROVE\",\"partners\":[\"us-hsi\"]}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> rejected = decide("supervisor1",
                "{\"decision\":\"REJECT\",\"partners\":[\"interpol-hub\"],\"reason\":\"hub diffusion not wanted\"}");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

        Await.until(Duration.ofSeconds(90), () -> exchangesByPartner("CA-2026-PER-PARTNER").get("us-hsi").state()
                == ExchangeState.ACKNOWLEDGED);
        Map<String, ExchangeRecord> after = exchangesByPartner("CA-2026-PER-PARTNER");
        assertThat(after.get("interpol-hub").state()).isEqualTo(ExchangeState.CANCELLED);
        assertThat(after.get("interpol-hub").lastError()).contains("rejected by supervisor:supervisor1",
                "hub diffusion not wanted");
        assertThat(after.get("eu-agency").state()).as("the partner nobody decided on stays held")
                .isEqualTo(ExchangeState.PENDING_APPROVAL);
        assertThat(running.gateway.store().findNotice("CA-2026-PER-PARTNER").orElseThrow().approvalState())
                .isEqualTo("PENDING");

        String approvedDigest = running.gateway.store().approvedPayloadDigest(after.get("us-hsi").exchangeId()).orElseThrow();
        assertThat(us.path("payloadDigest").asText()).isEqualTo("sha256:" + approvedDigest);
        assertThat(running.gateway.store().approvedPayloadDigest(after.get("eu-agency").exchangeId())).isEmpty();
        byte[] received = payloadReceivedBy("us-hsi", after.get("us-hsi").messageId());
        assertThat(received).isEqualTo(canonical(us.path("payload").asText().getBytes(StandardCharsets.UTF_8)));
        assertThat(Digests.sha256(us.path("payload").asText().getBytes(StandardCharsets.UTF_8))).isEqualTo(approvedDigest);
        assertThat(java.util.Objects.requireNonNullElse(running.archiveOf("interpol-hub").toFile().list(), new String[0])).as("nothing reached the rejected partner")
                .noneMatch(f -> {
                    try {
                        return new String(Files.readAllBytes(running.archiveOf("interpol-hub").resolve(f)),
                                StandardCharsets.ISO_8859_1).contains(after.get("interpol-hub").messageId());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

        AuditSearch audit = new AuditSearch(running.gateway.dataSource());
        assertThat(audit.search(AuditQuery.all().action("NOTICE_APPROVED").notice("CA-2026-PER-PARTNER")).items())
                .singleElement().satisfies(rec -> assertThat(rec.event().partnerId()).isEqualTo("us-hsi"));
        assertThat(audit.search(AuditQuery.all().action("NOTICE_REJECTED").notice("CA-2026-PER-PARTNER")).items())
                .singleElement().satisfies(rec -> assertThat(rec.event().partnerId()).isEqualTo("interpol-hub"));

        HttpResponse<String> again = decide("supervisor1", "{\"decision\":\"APPROVE\",\"partners\":[\"interpol-hub\"]}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("interpol-hub", "CANCELLED");
        HttpResponse<String> unknown = decide("supervisor1", "{\"decision\":\"APPROVE\",\"partners\":[\"mars-police\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("mars-police");
        assertThat(exchangesByPartner("CA-2026-PER-PARTNER").get("eu-agency").state()).isEqualTo(ExchangeState.PENDING_APPROVAL);
    }

    @Test
    void aSubmitterCannotApproveEvenOnePartnerOfTheirOwnNotice() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml"), StandardCharsets.UTF_8)
                .replace("CA-2026-000101", "CA-2026-OWN-PARTNER");
        HttpResponse<String> submitted = running.as("supervisor2").send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                        + "/api/v1/notices")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(202);
        HttpResponse<String> own = running.as("supervisor2").send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                        + "/api/v1/notices/CA-2026-OWN-PARTNER/approval")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\",\"partners\":[\"us-hsi\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(running.gateway.store().exchangesOf("CA-2026-OWN-PARTNER")).extracting(ExchangeRecord::state)
                .containsOnly(ExchangeState.PENDING_APPROVAL);
        assertThat(get("officer1", "/api/v1/notices/CA-2026-OWN-PARTNER/preview").statusCode())
                .as("officers may look at the preview too").isEqualTo(200);
        assertThat(get("operator1", "/api/v1/notices/CA-2026-OWN-PARTNER/preview").statusCode()).isEqualTo(403);
    }

    private static final JsonMapper JSON = new JsonMapper();

    private static JsonNode partnerIn(JsonNode preview, String partner) {
        for (JsonNode p : preview.path("partners")) {
            if (p.path("partner").asText().equals(partner)) {
                return p;
            }
        }
        throw new AssertionError("no preview for " + partner + " in " + preview);
    }

    private Map<String, ExchangeRecord> exchangesByPartner(String noticeId) {
        Map<String, ExchangeRecord> found = new java.util.HashMap<>();
        running.gateway.store().exchangesOf(noticeId).forEach(e -> found.put(e.partnerId(), e));
        return found;
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return running.as(user).send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> decide(String supervisor, String body) throws Exception {
        return running.as(supervisor).send(HttpRequest.newBuilder(URI.create(running.baseUrl()
                        + "/api/v1/notices/CA-2026-PER-PARTNER/approval")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The partner-format payload of one message as the simulated partner archived it, decrypted and canonical. */
    private byte[] payloadReceivedBy(String partnerId, String messageId) throws Exception {
        var profile = running.gateway.partners().get(partnerId);
        var cryptoProfile = running.crypto.profile(profile.cryptoProfile());
        MessageOpener opener = new MessageOpener(Keyring.load(running.keys, partnerId), running.crypto.policy(),
                java.time.Clock.systemUTC());
        PartnerTrust gateway = PartnerTrust.load(running.keys, "gateway", cryptoProfile.keyFamily());
        try (var files = Files.list(running.archiveOf(partnerId))) {
            for (Path f : files.toList()) {
                Document opened = opener.open(Files.readAllBytes(f), gateway, cryptoProfile).document();
                if (Envelope.readHeader(opened).messageId().equals(messageId)) {
                    return canonical(Envelope.payloadContent(opened));
                }
            }
        }
        throw new AssertionError("partner " + partnerId + " archived no message " + messageId);
    }

    private static byte[] canonical(byte[] xml) throws Exception {
        return canonical(SecureXml.parse(xml).getDocumentElement());
    }

    private static byte[] canonical(Node node) throws Exception {
        org.apache.xml.security.Init.init();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(node, out);
        return out.toByteArray();
    }
}
