package ca.passage.app;

import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeKind;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.NoticeLifecycle;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice's lifecycle with the simulated partners, end to end: an officer's withdrawal, update and deletion or
 * correction request each reach every partner that holds the notice as a signed, encrypted message of its own kind,
 * closed by the partner's signed receipt; a withdrawal cancels what is still queued; partners' own withdrawals,
 * updates and deletion requests are applied on the inbound side; requests about unknown messages are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class NoticeLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> PARTNERS = List.of("eu-agency", "interpol-hub", "us-hsi");

    private RunningGateway running;
    private Gateway gateway;
    private HttpClient officer;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.start();
        gateway = running.gateway;
        officer = running.as("officer1");
    }

    @AfterAll
    void stop() {
        running.close();
    }

    // --- an officer's requests about a Canadian notice ---

    @Test
    void withdrawalAfterAcknowledgementReachesEveryPartnerAndIsAcknowledged() throws Exception {
        Map<String, ExchangeRecord> sent = submitAndAwaitAcknowledged("CA-LC-W1", 1, null);

        HttpResponse<String> r = post("/api/v1/notices/CA-LC-W1/withdrawal", "application/json",
                "{\"reason\":\"PERSON_LOCATED\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).contains("WITHDRAWAL", "eu-agency", "interpol-hub", "us-hsi");

        List<ExchangeRecord> withdrawals = awaitKind("CA-LC-W1", ExchangeKind.WITHDRAWAL, 3);
        assertThat(withdrawals).allSatisfy(w -> {
            assertThat(w.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
            assertThat(w.refMessageId()).isEqualTo(sent.get(w.partnerId()).messageId());
            assertThat(w.receiptDigest()).hasSize(64);
            assertThat(w.messageId()).isNotEqualTo(w.refMessageId());
        });
        for (String p : PARTNERS) {
            assertThat(running.sim(p).lifecycleReceived()).as(p).anySatisfy(l -> {
                assertThat(l.action()).isEqualTo("Withdraw");
                assertThat(l.refToMessageId()).isEqualTo(sent.get(p).messageId());
                assertThat(l.detail()).isEqualTo("PERSON_LOCATED");
            });
        }
        assertThat(gateway.store().lifecycleOf("CA-LC-W1").orElseThrow().state()).isEqualTo(NoticeLifecycle.State.WITHDRAWN);
        assertThat(audit("NOTICE_WITHDRAWN")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo("CA-LC-W1"));
        assertThat(get("/api/v1/notices/CA-LC-W1").body()).contains("\"state\":\"WITHDRAWN\"", "\"kind\":\"WITHDRAWAL\"");

        HttpResponse<String> again = post("/api/v1/notices/CA-LC-W1/withdrawal", "application/json",
                "{\"reason\":\"PERSON_LOCATED\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(again.body()).contains("already withdrawn");
        assertThat(post("/api/v1/notices/CA-LC-NONE/withdrawal", "application/json", "{\"reason\":\"OTHER\"}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> badReason = post("/api/v1/notices/CA-LC-W1/withdrawal", "application/json",
                "{\"reason\":\"BECAUSE\"}");
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(badReason.body()).contains("$.reason", "PERSON_LOCATED");
        assertThat(new ca.passage.ledger.DisclosureReport(gateway.dataSource()).forNotice("CA-LC-W1").disclosures())
                .as("a withdrawal discloses nothing: the report lists the notice's three deliveries only")
                .extracting(ca.passage.ledger.DisclosureReport.Disclosure::exchangeId)
                .containsExactlyInAnyOrderElementsOf(sent.values().stream().map(ExchangeRecord::exchangeId).toList());
        assertThat(new LedgerVerifier(gateway.checkpointVerifier()).verify(gateway.dataSource()).intact()).isTrue();
    }

    @Test
    void withdrawalOfANoticeStillQueuedCancelsThatDeliveryInsteadOfSendingBoth() throws Exception {
        HttpClient operator = running.as("operator1");
        assertThat(post(operator, "/api/v1/partners/us-hsi/suspend", "application/json", "{}").statusCode()).isEqualTo(200);
        try {
            assertThat(post("/api/v1/notices", "application/xml", noticeXml("CA-LC-Q1", 1, null)).statusCode()).isEqualTo(202);
            Await.until(WAIT, () -> gateway.store().exchangesOf("CA-LC-Q1"), ex -> ex.stream().filter(e -> !e.partnerId()
                    .equals("us-hsi")).allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED) && ex.size() == 3);
            ExchangeRecord queued = exchangeTo("CA-LC-Q1", "us-hsi", ExchangeKind.NOTICE);
            assertThat(queued.state()).isEqualTo(ExchangeState.QUEUED);

            HttpResponse<String> r = post("/api/v1/notices/CA-LC-Q1/withdrawal", "application/json",
                    "{\"reason\":\"WARRANT_WITHDRAWN\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(exchangeTo("CA-LC-Q1", "us-hsi", ExchangeKind.NOTICE).state()).isEqualTo(ExchangeState.CANCELLED);
            assertThat(awaitKind("CA-LC-Q1", ExchangeKind.WITHDRAWAL, 2)).extracting(ExchangeRecord::partnerId)
                    .containsExactlyInAnyOrder("eu-agency", "interpol-hub");
            assertThat(audit("EXCHANGE_CANCELLED_BY_LIFECYCLE"))
                    .anySatisfy(e -> assertThat(e.event().exchangeId()).isEqualTo(queued.exchangeId()));
        } finally {
            assertThat(post(operator, "/api/v1/partners/us-hsi/resume", "application/json", "{}").statusCode()).isEqualTo(200);
        }
        // after the queue drains (a later notice to us-hsi is acknowledged), the withdrawn notice never left
        submitAndAwaitAcknowledged("CA-LC-Q2", 1, null);
        ExchangeRecord cancelled = exchangeTo("CA-LC-Q1", "us-hsi", ExchangeKind.NOTICE);
        assertThat(cancelled.state()).isEqualTo(ExchangeState.CANCELLED);
        assertThat(cancelled.sentAt()).isNull();
        assertThat(running.sim("us-hsi").received(cancelled.messageId())).isFalse();
        assertThat(gateway.store().exchangesOf("CA-LC-Q1")).filteredOn(e -> e.partnerId().equals("us-hsi")).hasSize(1);
    }

    @Test
    void updateSupersedesTheEarlierVersionAndEveryPartnerReceivesItReferringToIt() throws Exception {
        Map<String, ExchangeRecord> v1 = submitAndAwaitAcknowledged("CA-LC-U1", 1, null);

        HttpResponse<String> noSupersedes = post("/api/v1/notices/CA-LC-U1/update", "application/xml",
                noticeXml("CA-LC-U2", 2, null));
        assertThat(noSupersedes.statusCode()).isEqualTo(400);
        assertThat(noSupersedes.body()).contains("/CaseNotice/supersedes");

        HttpResponse<String> r = post("/api/v1/notices/CA-LC-U1/update", "application/xml",
                noticeXml("CA-LC-U2", 2, "CA-LC-U1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        List<ExchangeRecord> updates = Await.until(WAIT, () -> gateway.store().exchangesOf("CA-LC-U2"),
                ex -> ex.size() == 3 && ex.stream().allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED));
        assertThat(updates).allSatisfy(u -> {
            assertThat(u.kind()).isEqualTo(ExchangeKind.UPDATE);
            assertThat(u.refMessageId()).isEqualTo(v1.get(u.partnerId()).messageId());
            assertThat(u.conversationId()).isEqualTo(v1.get(u.partnerId()).conversationId());
        });
        for (String p : PARTNERS) { // eu-agency over AS4 (RefToMessageId in MessageInfo), the others in our envelope
            assertThat(running.sim(p).lifecycleReceived()).as(p).anySatisfy(l -> {
                assertThat(l.action()).isEqualTo("Update");
                assertThat(l.refToMessageId()).isEqualTo(v1.get(p).messageId());
                assertThat(l.detail()).as("the partner format's own supersedes").isEqualTo("CA-LC-U1");
            });
        }
        NoticeLifecycle old = gateway.store().lifecycleOf("CA-LC-U1").orElseThrow();
        assertThat(old.state()).isEqualTo(NoticeLifecycle.State.SUPERSEDED);
        assertThat(old.supersededBy()).isEqualTo("CA-LC-U2");
        assertThat(gateway.store().lifecycleOf("CA-LC-U2").orElseThrow().supersedes()).isEqualTo("CA-LC-U1");
        assertThat(audit("NOTICE_SUPERSEDED")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo("CA-LC-U1"));

        HttpResponse<String> withdrawOld = post("/api/v1/notices/CA-LC-U1/withdrawal", "application/json",
                "{\"reason\":\"OTHER\"}");
        assertThat(withdrawOld.statusCode()).isEqualTo(409);
        assertThat(withdrawOld.body()).contains("superseded by CA-LC-U2");
        assertThat(post("/api/v1/notices/CA-LC-U1/update", "application/xml", noticeXml("CA-LC-U3", 3, "CA-LC-U1"))
                .statusCode()).as("only the current version can be updated").isEqualTo(409);
    }

    @Test
    void deletionAndCorrectionRequestsReachThePartnersNamedAndAreAcknowledged() throws Exception {
        Map<String, ExchangeRecord> sent = submitAndAwaitAcknowledged("CA-LC-D1", 1, null);

        HttpResponse<String> r = post("/api/v1/notices/CA-LC-D1/deletion-request", "application/json",
                "{\"scope\":\"DELETE\",\"reason\":\"SHARED_IN_ERROR\",\"partners\":[\"us-hsi\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(awaitKind("CA-LC-D1", ExchangeKind.DELETION_REQUEST, 1)).singleElement().satisfies(d -> {
            assertThat(d.partnerId()).isEqualTo("us-hsi");
            assertThat(d.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
            assertThat(d.lifecycleReason()).isEqualTo("SHARED_IN_ERROR");
        });
        assertThat(running.sim("us-hsi").lifecycleReceived()).anySatisfy(l -> {
            assertThat(l.action()).isEqualTo("RequestDeletion");
            assertThat(l.refToMessageId()).isEqualTo(sent.get("us-hsi").messageId());
        });

        HttpResponse<String> correct = post("/api/v1/notices/CA-LC-D1/deletion-request", "application/json",
                "{\"scope\":\"CORRECT\",\"reason\":\"INACCURATE\"}");
        assertThat(correct.statusCode()).as(correct.body()).isEqualTo(202);
        assertThat(awaitKind("CA-LC-D1", ExchangeKind.CORRECTION_REQUEST, 3))
                .extracting(ExchangeRecord::state).containsOnly(ExchangeState.ACKNOWLEDGED);
        assertThat(audit("DELETION_REQUESTED")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo("CA-LC-D1"));
        assertThat(audit("CORRECTION_REQUESTED")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo("CA-LC-D1"));

        HttpResponse<String> notAPartner = post("/api/v1/notices/CA-LC-D1/deletion-request", "application/json",
                "{\"scope\":\"DELETE\",\"reason\":\"OTHER\",\"partners\":[\"atlantis-police\"]}");
        assertThat(notAPartner.statusCode()).isEqualTo(400);
        assertThat(notAPartner.body()).contains("atlantis-police never received");
        assertThat(post("/api/v1/notices/CA-LC-D1/deletion-request", "application/json",
                "{\"scope\":\"SHRED\",\"reason\":\"OTHER\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void lifecycleRoutesAreForOfficersOnly() throws Exception {
        HttpResponse<String> r = post(running.as("auditor1"), "/api/v1/notices/CA-LC-ANY/withdrawal", "application/json",
                "{\"reason\":\"OTHER\"}");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    // --- a partner's requests about a notice it sent to Canada ---

    @Test
    void partnersWithdrawalMarksTheInboundNoticeTellsTheDomesticSideAndIsReceipted() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        String mid = "lc-in-w1@eu-agency";
        assertThat(eu.send(running.inbound(), eu.sealNotice(partnerNotice("LC-IN-W1", 1, null), mid)).status()).isEqualTo(200);

        PartnerSimulator.SendResult r = eu.send(running.inbound(), eu.sealLifecycleRequest(
                LifecycleRequest.Kind.WITHDRAWAL, mid, LifecycleRequest.Reason.PERSON_LOCATED));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.receiptVerified()).isTrue();
        String noticeId = "IN-eu-agency-LC-IN-W1";
        assertThat(gateway.store().lifecycleOf(noticeId).orElseThrow().state()).isEqualTo(NoticeLifecycle.State.WITHDRAWN);
        assertThat(gateway.store().exchangesOf(noticeId)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ExchangeKind.WITHDRAWAL);
            assertThat(e.direction()).isEqualTo(Direction.IN);
            assertThat(e.refMessageId()).isEqualTo(mid);
        });
        assertThat(audit("INBOUND_NOTICE_WITHDRAWN")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo(noticeId));
        Path told = domestic(exchangeOf(noticeId, ExchangeKind.WITHDRAWAL) + ".withdrawal.xml");
        Await.until(Duration.ofSeconds(10), () -> Files.exists(told));
        assertThat(Files.readString(told)).contains("WITHDRAWAL", "PERSON_LOCATED", noticeId);
    }

    @Test
    void partnersDeletionRequestRemovesTheDomesticCopyAndIsAudited() throws Exception {
        PartnerSimulator interpol = running.sim("interpol-hub");
        String mid = "lc-in-d1@interpol-hub";
        assertThat(interpol.send(running.inbound(), interpol.sealNotice(partnerNotice("LC-IN-D1", 1, null), mid)).status())
                .isEqualTo(200);
        String noticeId = "IN-interpol-hub-LC-IN-D1";
        Path copy = domestic(exchangeOf(noticeId, ExchangeKind.NOTICE) + ".xml");
        Await.until(Duration.ofSeconds(10), () -> Files.exists(copy));

        PartnerSimulator.SendResult r = interpol.send(running.inbound(), interpol.sealLifecycleRequest(
                LifecycleRequest.Kind.DELETION_REQUEST, mid, LifecycleRequest.Reason.SHARED_IN_ERROR));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.receiptVerified()).isTrue();
        assertThat(copy).doesNotExist();
        Path told = domestic(exchangeOf(noticeId, ExchangeKind.DELETION_REQUEST) + ".deletion-request.xml");
        Await.until(Duration.ofSeconds(10), () -> Files.exists(told));
        assertThat(gateway.store().lifecycleOf(noticeId).orElseThrow().state())
                .isEqualTo(NoticeLifecycle.State.DELETION_REQUESTED);
        assertThat(audit("INBOUND_DELETION_REQUESTED")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo(noticeId));
        assertThat(audit("DOMESTIC_COPY_DELETED")).anySatisfy(e -> assertThat(e.event().noticeId()).isEqualTo(noticeId));
    }

    @Test
    void partnersUpdateSupersedesItsEarlierNoticeAndReachesTheDomesticSide() throws Exception {
        PartnerSimulator us = running.sim("us-hsi");
        String mid = "lc-in-u1@us-hsi";
        assertThat(us.send(running.inbound(), us.sealNotice(partnerNotice("LC-IN-U1", 1, null), mid)).status()).isEqualTo(200);

        PartnerSimulator.SendResult r = us.send(running.inbound(),
                us.sealUpdate(partnerNotice("LC-IN-U2", 2, "LC-IN-U1"), "lc-in-u2@us-hsi", mid));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.receiptVerified()).isTrue();
        NoticeLifecycle earlier = gateway.store().lifecycleOf("IN-us-hsi-LC-IN-U1").orElseThrow();
        assertThat(earlier.state()).isEqualTo(NoticeLifecycle.State.SUPERSEDED);
        assertThat(earlier.supersededBy()).isEqualTo("IN-us-hsi-LC-IN-U2");
        assertThat(gateway.store().exchangesOf("IN-us-hsi-LC-IN-U2")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ExchangeKind.UPDATE);
            assertThat(e.refMessageId()).isEqualTo(mid);
        });
        assertThat(audit("INBOUND_NOTICE_SUPERSEDED")).anySatisfy(e -> assertThat(e.event().noticeId())
                .isEqualTo("IN-us-hsi-LC-IN-U1"));
        Path copy = domestic(exchangeOf("IN-us-hsi-LC-IN-U2", ExchangeKind.UPDATE) + ".xml");
        Await.until(Duration.ofSeconds(10), () -> Files.exists(copy));
    }

    @Test
    void requestsAboutMessagesThePartnerNeverSentAreRefusedAndNothingIsStored() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        PartnerSimulator.SendResult unknown = eu.send(running.inbound(), eu.sealLifecycleRequest(
                LifecycleRequest.Kind.WITHDRAWAL, "never-sent@eu-agency", LifecycleRequest.Reason.OTHER));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("EBMS:0003", "UNKNOWN_REFERENCE");

        // another partner's message is not this partner's to withdraw
        PartnerSimulator us = running.sim("us-hsi");
        String usMessage = "lc-in-x1@us-hsi";
        assertThat(us.send(running.inbound(), us.sealNotice(partnerNotice("LC-IN-X1", 1, null), usMessage)).status())
                .isEqualTo(200);
        PartnerSimulator.SendResult foreign = eu.send(running.inbound(), eu.sealLifecycleRequest(
                LifecycleRequest.Kind.DELETION_REQUEST, usMessage, LifecycleRequest.Reason.OTHER));
        assertThat(foreign.body()).contains("UNKNOWN_REFERENCE");
        assertThat(gateway.store().lifecycleOf("IN-us-hsi-LC-IN-X1").orElseThrow().current()).isTrue();

        PartnerSimulator.SendResult update = eu.send(running.inbound(),
                eu.sealUpdate(partnerNotice("LC-IN-X2", 2, "LC-IN-X0"), "lc-in-x2@eu-agency", "never-sent@eu-agency"));
        assertThat(update.body()).contains("UNKNOWN_REFERENCE");
        assertThat(gateway.store().findNotice("IN-eu-agency-LC-IN-X2")).isEmpty();
        assertThat(audit("INBOUND_REFUSED")).filteredOn(e -> "UNKNOWN_REFERENCE".equals(e.event().errorCode())).hasSizeGreaterThanOrEqualTo(3);
    }

    // --- helpers ---

    private Map<String, ExchangeRecord> submitAndAwaitAcknowledged(String id, int version, String supersedes) throws Exception {
        HttpResponse<String> r = post("/api/v1/notices", "application/xml", noticeXml(id, version, supersedes));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        List<ExchangeRecord> done = Await.until(WAIT, () -> gateway.store().exchangesOf(id),
                ex -> ex.size() == 3 && ex.stream().allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED));
        return done.stream().collect(Collectors.toMap(ExchangeRecord::partnerId, e -> e));
    }

    private List<ExchangeRecord> awaitKind(String noticeId, ExchangeKind kind, int count) {
        return Await.until(WAIT, () -> gateway.store().exchangesOf(noticeId).stream().filter(e -> e.kind() == kind).toList(),
                ex -> ex.size() == count && ex.stream().allMatch(e -> e.state().isFinal()));
    }

    private ExchangeRecord exchangeTo(String noticeId, String partner, ExchangeKind kind) {
        return gateway.store().exchangesOf(noticeId).stream()
                .filter(e -> e.partnerId().equals(partner) && e.kind() == kind).findFirst().orElseThrow();
    }

    private List<ca.passage.ledger.LedgerRecord> audit(String action) {
        return new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action(action)).items();
    }

    private Path domestic(String name) {
        return running.dir.resolve("data/domestic").resolve(name);
    }

    private static byte[] noticeXml(String id, int version, String supersedes) throws IOException {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", id)
                .replace("<version>1</version>", "<version>" + version + "</version>"
                        + (supersedes == null ? "" : "<supersedes>" + supersedes + "</supersedes>"));
        return xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CaseNotice partnerNotice(String id, int version, String supersedes) throws IOException {
        return NoticeMappers.xml().readValue(noticeXml(id, version, supersedes), CaseNotice.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return officer.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return post(officer, path, type, body);
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return officer.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String type, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Domestic files are named from the exchange id Passage generated for the message (never the partner's ids). */
    private String exchangeOf(String noticeId, ExchangeKind kind) {
        return gateway.store().exchangesOf(noticeId).stream().filter(e -> e.kind() == kind).findFirst().orElseThrow()
                .exchangeId();
    }

}
