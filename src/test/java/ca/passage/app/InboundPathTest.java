package ca.passage.app;

import ca.passage.crypto.CryptoConfig;
import ca.passage.devtools.pki.DevPki;
import ca.passage.crypto.KeyFamily;
import ca.passage.envelope.BusinessResponse;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import ca.passage.partner.PartnerProfile;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import ca.passage.translate.Translators;
import java.util.Optional;
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
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Foreign partner → Canada, and the asynchronous answers to Canada's messages, through a running gateway: every
 * message decrypted and verified against the sender's pinned certificate, every refusal answered with an error
 * signal and audited, nothing stored for a refused message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class InboundPathTest {

    private RunningGateway running;
    private Gateway gateway;
    private HttpClient http;
    private URI inbound;
    private String baseUrl;
    private CryptoConfig crypto;
    private Path keys;
    private Path dir;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.start();
        gateway = running.gateway;
        crypto = running.crypto;
        keys = running.keys;
        dir = running.dir;
        baseUrl = running.baseUrl();
        http = running.as("officer1");
        inbound = running.inbound();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void partnerNoticeIsVerifiedStoredHandedToTheDomesticSideAndReceipted() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        PartnerSimulator.SendResult r = eu.send(inbound, eu.sealNotice(notice("IN-TEST-1", "H1")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.receiptVerified()).isTrue();
        List<ExchangeRecord> exchanges = gateway.store().exchangesOf("IN-eu-agency-IN-TEST-1");
        assertThat(exchanges).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(ExchangeState.RECEIVED_INBOUND);
            assertThat(e.direction()).isEqualTo(Direction.IN);
        });
        Path domestic = dir.resolve("data/domestic/" + exchanges.get(0).exchangeId() + ".xml");
        awaitFile(domestic);
        assertThat(Files.readString(domestic)).contains("urn:ca:passage:notice:1", "IN-TEST-1");
    }

    @Test
    void domesticFilesAreNamedFromServerIdsNeverFromThePartnersNoticeId() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        // a valid Identifier (letters, digits, . _ - /) that climbs out of data/domestic/ when used as a file name
        PartnerSimulator.SendResult r = eu.send(inbound, eu.sealNotice(notice("ESC/../../../escaped", "H1")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        ExchangeRecord stored = gateway.store().exchangesOf("IN-eu-agency-ESC/../../../escaped").get(0);
        awaitFile(dir.resolve("data/domestic/" + stored.exchangeId() + ".xml"));
        assertThat(dir.resolve("escaped.xml")).doesNotExist();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("escaped"))).isEmpty();
        }
    }

    @Test
    void as4PartnersUserMessageIsVerifiedStoredHandedToTheDomesticSideAndReceipted() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        URI as4 = running.inbound().resolve("/exchange/v1/as4"); // the partners' mutual-TLS listener
        ca.passage.as4.As4Signal signal = eu.sendAs4Notice(as4, notice("IN-AS4-1", "H1"));
        assertThat(signal).isInstanceOf(ca.passage.as4.As4Signal.Receipt.class);
        ExchangeRecord stored = gateway.store().exchangesOf("IN-eu-agency-IN-AS4-1").get(0);
        assertThat(stored.state()).isEqualTo(ExchangeState.RECEIVED_INBOUND);
        assertThat(stored.direction()).isEqualTo(Direction.IN);
        Path domestic = dir.resolve("data/domestic/" + stored.exchangeId() + ".xml");
        awaitFile(domestic);
        assertThat(Files.readString(domestic)).contains("urn:ca:passage:notice:1", "IN-AS4-1");

        // a UserMessage from a party with no AS4 agreement gets an ebMS error, nothing stored
        HttpResponse<String> foreign = eu.httpClient().send(HttpRequest.newBuilder(as4)
                        .header("Content-Type", "application/soap+xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\"/>"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.body()).contains("eb:Error", "EBMS:0009");
    }

    @Test
    void anAs4UserMessageFromAnotherPartyThanTheTlsClientCertificateIsRefused() throws Exception {
        ca.passage.as4.As4Packet eusMessage = running.sim("eu-agency").sealAs4Notice(notice("IN-AS4-SPOOF", "H1")).packet();
        // us-hsi's own transport certificate, eu-agency's signed UserMessage
        HttpResponse<String> r = running.sim("us-hsi").httpClient().send(HttpRequest.newBuilder(
                        running.inbound().resolve("/exchange/v1/as4"))
                .header("Content-Type", eusMessage.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(eusMessage.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).contains("eb:Error", "EBMS:0101");
        assertThat(gateway.store().findNotice("IN-eu-agency-IN-AS4-SPOOF")).isEmpty();
    }

    @Test
    void partnerNoticeOverJmsIsAcceptedLikeOverHttp() throws Exception {
        PartnerSimulator us = running.sim("us-hsi");
        byte[] sealed = us.sealNotice(notice("IN-TEST-JMS", "H0"));
        try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://0");
             var jms = factory.createContext()) {
            var message = jms.createBytesMessage();
            message.writeBytes(sealed);
            jms.createProducer().send(jms.createQueue("inbound.partners"), message);
        }
        Await.until(Duration.ofSeconds(20), () -> gateway.store().findNotice("IN-us-hsi-IN-TEST-JMS").isPresent());
        assertThat(gateway.store().exchangesOf("IN-us-hsi-IN-TEST-JMS")).extracting(ExchangeRecord::state)
                .containsExactly(ExchangeState.RECEIVED_INBOUND);
    }

    @Test
    void junkOnTheJmsQueueThatNoPartnerCanBeHeldToIsCountedNotAuditedOneByOne() throws Exception {
        long refusedBefore = audited("INBOUND_REFUSED");
        var unidentified = gateway.camelContext().getRegistry().lookupByNameAndType("unidentifiedRefusals",
                ca.passage.inbound.UnidentifiedRefusals.class);
        // counted: pending in the current window, or already written when a window ended meanwhile
        java.util.function.LongSupplier counted = () -> unidentified.pending() + new AuditSearch(gateway.dataSource())
                .search(AuditQuery.all().action("INBOUND_JUNK_COUNTED")).items().stream()
                .mapToLong(r -> Long.parseLong(r.event().outcome())).sum();
        long countedBefore = counted.getAsLong();
        try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("vm://0");
             var jms = factory.createContext()) {
            for (String junk : List.of("<junk/>", "not xml at all", "<env:Message xmlns:env=\"urn:ca:passage:envelope:1\"/>")) {
                var message = jms.createBytesMessage();
                message.writeBytes(junk.getBytes(StandardCharsets.UTF_8));
                jms.createProducer().send(jms.createQueue("inbound.partners"), message);
            }
        }
        Await.until(Duration.ofSeconds(20), () -> counted.getAsLong() >= countedBefore + 3);
        assertThat(audited("INBOUND_REFUSED")).as("no ledger row per junk message").isEqualTo(refusedBefore);
    }

    @Test
    void domesticSideAnswersAPartnersNoticeWithASignedBusinessResponse() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        assertThat(eu.send(inbound, eu.sealNotice(notice("IN-TEST-ANSWER", "H1"))).status()).isEqualTo(200);
        long before = eu.businessResponses();
        HttpResponse<String> missingCode = respond("IN-eu-agency-IN-TEST-ANSWER", "{\"decision\":\"REJECTED\"}");
        assertThat(missingCode.statusCode()).isEqualTo(400);
        HttpResponse<String> answered = respond("IN-eu-agency-IN-TEST-ANSWER",
                "{\"decision\":\"REJECTED\",\"errorCode\":\"CA-DUP\",\"description\":\"already under investigation\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(answered.body()).contains("PENDING");
        Await.until(Duration.ofSeconds(30), () -> eu.businessResponses() != before);
        assertThat(eu.businessResponses()).isEqualTo(before + 1);
        Await.until(Duration.ofSeconds(30), () -> new AuditSearch(gateway.dataSource())
                .search(AuditQuery.all().action("DOMESTIC_RESPONSE_SENT").notice("IN-eu-agency-IN-TEST-ANSWER")).total() > 0);
        assertThat(new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("DOMESTIC_RESPONSE_SENT")
                .notice("IN-eu-agency-IN-TEST-ANSWER")).items())
                .singleElement().satisfies(r -> assertThat(r.event().outcome()).isEqualTo("REJECTED"));
        assertThat(respond("CA-2026-NOPE", "{\"decision\":\"ACCEPTED\"}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> respond(String noticeId, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices/" + noticeId + "/response"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void duplicateOfAnAcceptedMessageGetsItsOriginalSignedReceiptAndIsNotProcessedAgain() {
        PartnerSimulator hub = running.sim("interpol-hub");
        byte[] sealed = hub.sealNotice(notice("IN-TEST-REPLAY", "H0"));
        PartnerSimulator.SendResult first = hub.send(inbound, sealed);
        assertThat(first.status()).isEqualTo(200);
        long duplicatesBefore = audited("INBOUND_DUPLICATE");
        PartnerSimulator.SendResult again = hub.send(inbound, sealed);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.receiptVerified()).isTrue();
        assertThat(again.body()).as("the original receipt, byte for byte").isEqualTo(first.body());
        assertThat(gateway.store().exchangesOf("IN-interpol-hub-IN-TEST-REPLAY")).hasSize(1);
        assertThat(audited("INBOUND_DUPLICATE")).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void theSameNoticeIdUnderANewMessageIdIsRefusedWithItsOwnCodeNotA500() {
        PartnerSimulator hub = running.sim("interpol-hub");
        assertThat(hub.send(inbound, hub.sealNotice(notice("IN-TEST-REUSED", "H0"))).status()).isEqualTo(200);
        long refusedBefore = audited("INBOUND_REFUSED");
        PartnerSimulator.SendResult again = hub.send(inbound, hub.sealNotice(notice("IN-TEST-REUSED", "H0")));
        assertThat(again.status()).as(again.body()).isEqualTo(400);
        assertThat(again.body()).contains("NOTICE_ID_IN_USE");
        assertThat(gateway.store().exchangesOf("IN-interpol-hub-IN-TEST-REUSED")).hasSize(1);
        assertThat(audited("INBOUND_REFUSED")).isEqualTo(refusedBefore + 1);
    }

    @Test
    void duplicateAs4UserMessageGetsItsOriginalReceipt() throws Exception {
        PartnerSimulator eu = running.sim("eu-agency");
        ca.passage.as4.As4Packet packet = eu.sealAs4Notice(notice("IN-AS4-DUP", "H1")).packet();
        URI as4 = running.inbound().resolve("/exchange/v1/as4");
        HttpResponse<byte[]> first = postAs4(eu, as4, packet);
        HttpResponse<byte[]> again = postAs4(eu, as4, packet);
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("Receipt").doesNotContain("eb:Error");
        assertThat(again.body()).as("the original receipt, byte for byte").isEqualTo(first.body());
        assertThat(gateway.store().exchangesOf("IN-eu-agency-IN-AS4-DUP")).hasSize(1);
    }

    private static HttpResponse<byte[]> postAs4(PartnerSimulator sim, URI as4, ca.passage.as4.As4Packet packet)
            throws Exception {
        return sim.httpClient().send(HttpRequest.newBuilder(as4).header("Content-Type", packet.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(packet.body())).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long audited(String action) {
        return new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action(action)).total();
    }

    @Test
    void messageFromAnUnknownPartnerIsRefusedAtTheMutualTlsListener() throws Exception {
        new DevPki().issueKeySet(keys, "atlantis-police", KeyFamily.RSA, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        new DevPki().issueTls(keys, "atlantis-police.tls", "atlantis-police");
        Path aliasDir = dir.resolve("atlantis-profiles");
        Files.createDirectories(aliasDir);
        Files.writeString(aliasDir.resolve("atlantis-police.yaml"), Files.readString(Path.of("partner-profiles/interpol-hub.yaml"))
                .replace("id: interpol-hub", "id: atlantis-police"));
        PartnerProfile atlantis = new ca.passage.partner.PartnerProfileLoader(Translators.standard().formats(),
                crypto.profiles().keySet()).loadOne(aliasDir.resolve("atlantis-police.yaml"));
        try (PartnerSimulator stranger = running.simulatorFor(atlantis, ca.passage.devtools.sim.SimBehaviour.wellBehaved())) {
            PartnerSimulator.SendResult r = stranger.send(inbound, stranger.sealNotice(notice("IN-TEST-STRANGER", "H0")));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("pinned transport certificate");
        }
        assertThat(gateway.store().findNotice("IN-atlantis-police-IN-TEST-STRANGER")).isEmpty();
    }

    @Test
    void messageWhoseEnvelopeFromIsNotItsTlsIdentityIsRefused() throws Exception {
        byte[] fromUs = running.sim("us-hsi").sealNotice(notice("IN-TEST-MASQUERADE", "H0"));
        HttpResponse<String> r = running.sim("eu-agency").httpClient().send(HttpRequest.newBuilder(inbound)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(fromUs)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).contains("TLS_IDENTITY_MISMATCH", "EBMS:0101");
        assertThat(gateway.store().findNotice("IN-us-hsi-IN-TEST-MASQUERADE")).isEmpty();
    }

    @Test
    void aPartnerWithoutAClientCertificateCannotEvenConnect() {
        java.net.http.HttpClient noCertificate = ca.passage.testing.TestAccess.client(keys, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noCertificate.send(HttpRequest.newBuilder(inbound)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<x/>")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void tamperedMessageIsRefusedAndNothingIsStored() {
        PartnerSimulator us = running.sim("us-hsi");
        byte[] sealed = us.sealNotice(notice("IN-TEST-TAMPER", "H0"));
        String text = new String(sealed, StandardCharsets.UTF_8);
        int cipher = text.indexOf("<xenc:CipherValue>") + "<xenc:CipherValue>".length() + 10;
        char flipped = text.charAt(cipher) == 'A' ? 'B' : 'A';
        byte[] tampered = (text.substring(0, cipher) + flipped + text.substring(cipher + 1)).getBytes(StandardCharsets.UTF_8);
        PartnerSimulator.SendResult r = us.send(inbound, tampered);
        assertThat(r.status()).isIn(400, 403);
        assertThat(r.body()).contains("EBMS:01");
        assertThat(gateway.store().findNotice("IN-us-hsi-IN-TEST-TAMPER")).isEmpty();
    }

    @Test
    void externalEntityInTheEnvelopeIsRefused() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><m>&x;</m>";
        HttpResponse<String> r = running.sim("interpol-hub").httpClient().send(HttpRequest.newBuilder(inbound).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xxe)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("EBMS:0009").doesNotContain("root:");
    }

    @Test
    void suspendedPartnerIsRefusedUntilResumed() throws Exception {
        PartnerSimulator hub = running.sim("interpol-hub");
        assertThat(operator("/api/v1/partners/interpol-hub/suspend").statusCode()).isEqualTo(200);
        try {
            PartnerSimulator.SendResult r = hub.send(inbound, hub.sealNotice(notice("IN-TEST-SUSPENDED", "H0")));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("SENDER_NOT_ACCEPTED").doesNotContain("SUSPENDED").doesNotContain("suspended");
            assertThat(refusalsAudited("PARTNER_SUSPENDED")).as("the reason is audited").isPositive();
        } finally {
            assertThat(operator("/api/v1/partners/interpol-hub/resume").statusCode()).isEqualTo(200);
        }
        assertThat(hub.send(inbound, hub.sealNotice(notice("IN-TEST-RESUMED", "H0"))).status()).isEqualTo(200);
    }

    @Test
    void h2NoticeIsNeverForwardedToAThirdPartnerAndTheAttemptIsAudited() throws Exception {
        PartnerSimulator hub = running.sim("interpol-hub");
        assertThat(hub.send(inbound, hub.sealNotice(notice("IN-TEST-H2", "H2"))).status()).isEqualTo(200);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices/IN-interpol-hub-IN-TEST-H2/forward"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":[\"us-hsi\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("us-hsi");
        assertThat(gateway.store().exchangesOf("IN-interpol-hub-IN-TEST-H2")).extracting(ExchangeRecord::partnerId)
                .containsExactly("interpol-hub");
        assertThat(new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("ONWARD_TRANSFER_REFUSED")).total())
                .isPositive();
    }

    @Test
    void partnersBusinessRejectionClosesTheExchangeRejectedWithItsReason() throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(
                        Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")).replace("CA-2026-000102", "CA-REJECTED-1")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        ExchangeRecord toEu = awaitState("CA-REJECTED-1", "eu-agency", ExchangeState.ACKNOWLEDGED);
        PartnerSimulator eu = running.sim("eu-agency");
        PartnerSimulator.SendResult r = eu.send(inbound, eu.sealResponse(toEu.messageId(),
                new BusinessResponse(BusinessResponse.REJECTED, "EU-0042", "subject already known under another case")));
        assertThat(r.status()).isEqualTo(200);
        ExchangeRecord after = gateway.store().findExchange(toEu.exchangeId()).orElseThrow();
        assertThat(after.state()).isEqualTo(ExchangeState.REJECTED);
        assertThat(after.lastError()).contains("EU-0042");
    }

    @Test
    void suspendedPartnersQueueHoldsWhileOthersAreServedAndDrainsOnResume() throws Exception {
        assertThat(operator("/api/v1/partners/us-hsi/suspend").statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(
                        Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")).replace("CA-2026-000102", "CA-HOLD-1")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitState("CA-HOLD-1", "interpol-hub", ExchangeState.ACKNOWLEDGED);
        awaitState("CA-HOLD-1", "eu-agency", ExchangeState.ACKNOWLEDGED);
        ExchangeRecord held = gateway.store().exchangesOf("CA-HOLD-1").stream()
                .filter(e -> e.partnerId().equals("us-hsi")).findFirst().orElseThrow();
        assertThat(held.state()).isEqualTo(ExchangeState.QUEUED);
        assertThat(held.attempts()).isZero();

        assertThat(gateway.camelContext().getRouteController().getRouteStatus("outbound-us-hsi").isStopped()).isTrue();
        assertThat(operator("/api/v1/partners/us-hsi/resume").statusCode()).isEqualTo(200);
        assertThat(gateway.camelContext().getRouteController().getRouteStatus("outbound-us-hsi").isStarted()).isTrue();
        assertThat(awaitState("CA-HOLD-1", "us-hsi", ExchangeState.ACKNOWLEDGED).attempts()).isEqualTo(1);
    }

    @Test
    void operatorCancelsAHeldExchangeButNotADeliveredOne() throws Exception {
        String xml = Files.readString(Path.of("samples/notices/01-yellow-missing-minor-sexual.xml")).replace("CA-2026-000101", "CA-CANCEL-1");
        http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices")).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        ExchangeRecord held = awaitState("CA-CANCEL-1", "interpol-hub", ExchangeState.PENDING_APPROVAL);
        assertThat(operator("/api/v1/exchanges/" + held.exchangeId() + "/cancel").statusCode()).isEqualTo(200);
        assertThat(gateway.store().findExchange(held.exchangeId()).orElseThrow().state()).isEqualTo(ExchangeState.CANCELLED);
        assertThat(operator("/api/v1/exchanges/" + held.exchangeId() + "/cancel").statusCode()).isEqualTo(409);
        assertThat(operator("/api/v1/exchanges/" + held.exchangeId() + "/resend").statusCode())
                .as("only FAILED exchanges can be resent").isEqualTo(409);
    }

    @Test
    void receiptForAnUnknownMessageIsAuditedAndIgnored() {
        PartnerSimulator eu = running.sim("eu-agency");
        PartnerSimulator.SendResult r = eu.send(inbound, eu.sealResponse("no-such-message@passage.gc.ca",
                new BusinessResponse(BusinessResponse.ACCEPTED, null, null)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("RESPONSE_IGNORED")).total())
                .isPositive();
    }

    private ExchangeRecord awaitState(String noticeId, String partner, ExchangeState state) {
        return Await.until(Duration.ofSeconds(60), () -> gateway.store().exchangesOf(noticeId).stream()
                .filter(e -> e.partnerId().equals(partner) && e.state() == state).findFirst(), Optional::isPresent)
                .get();
    }

    private long refusalsAudited(String code) {
        return new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("INBOUND_REFUSED")).items().stream()
                .filter(r -> code.equals(r.event().errorCode())).count();
    }

    private HttpResponse<String> operator(String path) throws Exception {
        return running.as("operator1").send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CaseNotice notice(String id, String handling) {
        try {
            String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                    .replace("CA-2026-000102", id).replace("<handling><code>H0</code></handling>",
                            "<handling><code>" + handling + "</code></handling>");
            return NoticeMappers.xml().readValue(xml, CaseNotice.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitFile(Path file) {
        Await.until(Duration.ofSeconds(10), () -> Files.exists(file));
        assertThat(file).exists();
    }

}
