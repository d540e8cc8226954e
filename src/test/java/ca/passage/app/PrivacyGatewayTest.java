package ca.passage.app;

import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.DisclosureReport;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.Transition;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
 * redaction audited by kind, hold reasons stored with the held exchanges and shown.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyGatewayTest {

    private static final String REDACTION_NOTICE = "src/test/resources/redaction-notices/20-blue-free-text-redaction.xml";
    private RunningGateway running;

    @BeforeAll
    void start() throws Exception {
        running = RunningGateway.start();
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
        assertThat(audit.search(AuditQuery.all().action("MESSAGE_SENT").partner("us-hsi")).items())
                .singleElement().satisfies(rec -> assertThat(rec.event().legalBasis()).isEqualTo(
                        "CA-US-MLAT-1985-HT-ANNEX: Canada-US Treaty on Mutual Legal Assistance in Criminal Matters; "
                                + "Beyond the Border Action Plan; disclosed under Privacy Act s. 8(2)(f)"));
        assertThat(audit.search(AuditQuery.all().action("MESSAGE_SENT").partner("interpol-hub")).items())
                .singleElement().satisfies(rec -> {
                    assertThat(rec.event().legalBasis()).startsWith("CA-IP-NCB-2019-07: INTERPOL Rules");
                    assertThat(rec.event().handlingCode()).isEqualTo("H2");
                });
        assertThat(audit.search(AuditQuery.all().action("FREE_TEXT_REDACTED").partner("interpol-hub")).items())
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
}
