package ca.passage.crypto;


import ca.passage.app.Gateway;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeMappers;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.store.Direction;
import ca.passage.testing.RunningGateway;
import ca.passage.translate.Translators;
import ca.passage.xml.SecureXml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's hostile inputs, this time through a running gateway's {@code POST /exchange/v1/inbound}: each refused
 * with its own code in an error signal, audited with that code, nothing stored, and the gateway still serving a
 * good message afterwards. The messages come from the INTERPOL-style hub's own keys (rsa-compat), built with the
 * test-only {@link HostileSealer} where an algorithm must be wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class GatewayHostileInboundTest {

    private static final String HUB = "interpol-hub";

    private RunningGateway running;
    private Path keys;
    private Gateway gateway;
    private PartnerSimulator hub;
    private URI inbound;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.start();
        gateway = running.gateway;
        keys = running.keys;
        hub = running.sim(HUB);
        inbound = running.inbound();
    }

    @AfterAll
    void stop() {
        running.close();
    }

    interface Hostile {
        byte[] build(GatewayHostileInboundTest t) throws Exception;
    }

    static Stream<Arguments> hostileMessages() {
        return Stream.of(
                Arguments.of("AES-CBC content encryption", RefusalCode.ALGORITHM_REFUSED,
                        (Hostile) t -> t.hostile(h -> h.contentAlgorithm = Algorithms.AES256_CBC)),
                Arguments.of("RSA PKCS#1 v1.5 key transport", RefusalCode.ALGORITHM_REFUSED,
                        (Hostile) t -> t.hostile(h -> h.keyTransport = Algorithms.RSA_1_5)),
                Arguments.of("SHA-1 reference digest", RefusalCode.ALGORITHM_REFUSED,
                        (Hostile) t -> t.hostile(h -> h.digestAlgorithm = Algorithms.SHA1)),
                Arguments.of("RSA-SHA1 signature", RefusalCode.ALGORITHM_REFUSED,
                        (Hostile) t -> t.hostile(h -> h.signatureAlgorithm = Algorithms.RSA_SHA1)),
                Arguments.of("signed but not encrypted", RefusalCode.ENCRYPTION_MISSING,
                        (Hostile) t -> t.hostile(h -> h.encrypt = false)),
                Arguments.of("XXE inside the encrypted payload", RefusalCode.DTD_FORBIDDEN,
                        (Hostile) t -> t.hostile(h -> h.rawPayloadPlaintext =
                                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("entity expansion inside the encrypted payload", RefusalCode.DTD_FORBIDDEN,
                        (Hostile) t -> t.hostile(h -> h.rawPayloadPlaintext = ("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>").getBytes(StandardCharsets.UTF_8))),
                Arguments.of("signed by the gateway's own key, claiming to be the hub", RefusalCode.UNTRUSTED_SIGNER,
                        (Hostile) t -> t.signedBy(KeyDirectory.GATEWAY)),
                Arguments.of("signed header moved aside, forged header in its place", RefusalCode.SIGNATURE_WRAPPING,
                        (Hostile) GatewayHostileInboundTest::wrapped),
                Arguments.of("ciphertext tampered", RefusalCode.DECRYPTION_FAILED,
                        (Hostile) t -> Tamper.flipInLastCipherValue(t.good()).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("GCM tag tampered", RefusalCode.DECRYPTION_FAILED,
                        (Hostile) t -> Tamper.flipInTag(t.good()).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("header changed after signing", RefusalCode.SIGNATURE_INVALID,
                        (Hostile) t -> t.good().replaceFirst("<env:HandlingCode>H[0-2]<", "<env:HandlingCode>H3<")
                                .getBytes(StandardCharsets.UTF_8)),
                Arguments.of("timestamp outside the window", RefusalCode.STALE_TIMESTAMP,
                        (Hostile) t -> t.stale()),
                Arguments.of("Header without an Id", RefusalCode.ID_MISSING,
                        (Hostile) GatewayHostileInboundTest::headerWithoutId),
                Arguments.of("addressed to another party", RefusalCode.UNKNOWN_RECIPIENT,
                        (Hostile) t -> t.sealed(Map.of("To", "us-hsi"), "H0")),
                Arguments.of("a service Passage does not serve", RefusalCode.UNKNOWN_SERVICE,
                        (Hostile) t -> t.sealed(Map.of("Service", "urn:example:service:other"), "H0")),
                Arguments.of("payload format that is not the partner's", RefusalCode.PAYLOAD_FORMAT_MISMATCH,
                        (Hostile) t -> t.sealed(Map.of("PayloadFormat", "eu-umf/1"), "H0")),
                Arguments.of("handling code H9", RefusalCode.HANDLING_CODE_INVALID,
                        (Hostile) t -> t.sealed(Map.of("HandlingCode", "H9"), "H0")),
                Arguments.of("header H0 over an H2 payload", RefusalCode.HANDLING_CODE_MISMATCH,
                        (Hostile) t -> t.sealed(Map.of("HandlingCode", "H0"), "H2")),
                Arguments.of("a MessageId of 129 characters", RefusalCode.HEADER_FIELD_TOO_LONG,
                        (Hostile) t -> t.sealed(Map.of("MessageId", "m".repeat(129)), "H0")),
                Arguments.of("a receipt whose Status is not RECEIVED", RefusalCode.RECEIPT_NOT_SUCCESS,
                        (Hostile) GatewayHostileInboundTest::failedReceipt),
                Arguments.of("larger than the policy allows", RefusalCode.OVERSIZE,
                        (Hostile) t -> ("<x>" + "a".repeat(5 * 1024 * 1024 + 1) + "</x>").getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("hostileMessages")
    void hostileMessageIsRefusedWithItsOwnCodeAuditedAndLeavesNothing(String name, RefusalCode code, Hostile hostile)
            throws Exception {
        byte[] raw = hostile.build(this);
        long noticesBefore = inboundNotices();
        HttpResponse<String> r = post(raw);
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).contains(code.name()).contains("EBMS:");
        assertThat(new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("INBOUND_REFUSED")).items())
                .anySatisfy(e -> assertThat(e.event().errorCode()).isEqualTo(code.name()));
        assertThat(inboundNotices()).isEqualTo(noticesBefore);
        assertThat(post(goodBytes()).statusCode()).as("the gateway still accepts a good message").isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void aMessageRefusedWhileActingOnItIsNotRememberedSoItsRetryIsProcessedAgain() throws Exception {
        // passes every check of the opening step; refused when its notice is stored (the payload says H2)
        byte[] raw = sealed(Map.of("HandlingCode", "H0"), "H2");
        assertThat(post(raw).body()).contains(RefusalCode.HANDLING_CODE_MISMATCH.name());
        HttpResponse<String> retry = post(raw);
        assertThat(retry.body()).as("processed again, not refused as a replay")
                .contains(RefusalCode.HANDLING_CODE_MISMATCH.name()).doesNotContain(RefusalCode.REPLAY.name());
    }

    private long inboundNotices() {
        return gateway.store().search(HUB, null, 10_000).stream().filter(e -> e.direction() == Direction.IN).count();
    }

    // ------------------------------------------------------------------ message builders

    private CaseNotice notice() throws IOException {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "HUB-" + UUID.randomUUID().toString().substring(0, 8));
        return NoticeMappers.xml().readValue(xml, CaseNotice.class);
    }

    private byte[] goodBytes() throws IOException {
        return hub.sealNotice(notice());
    }

    String good() throws IOException {
        return new String(goodBytes(), StandardCharsets.UTF_8);
    }

    private Document envelope(Instant timestamp) throws IOException {
        var payload = Translators.standard().forFormat("interpol-notice").toPartner(notice(), gateway.partners().get(HUB));
        return Envelope.build(new EnvelopeHeader(UUID.randomUUID() + "@" + HUB, "c-1", null, HUB,
                EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE, EnvelopeHeader.ACTION_NOTIFY, timestamp,
                payload.handlingCode().name(), payload.payloadFormat()), payload.xml());
    }

    /** A correctly sealed notice from the hub whose header fields differ from a good one's by {@code changes}. */
    byte[] sealed(Map<String, String> changes, String payloadHandling) throws Exception {
        String xml = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "HUB-" + UUID.randomUUID().toString().substring(0, 8))
                .replace("<handling><code>H0</code></handling>", "<handling><code>" + payloadHandling + "</code></handling>");
        CaseNotice n = NoticeMappers.xml().readValue(xml, CaseNotice.class);
        var payload = Translators.standard().forFormat("interpol-notice").toPartner(n, gateway.partners().get(HUB));
        Map<String, String> f = new java.util.HashMap<>(Map.of("MessageId", UUID.randomUUID() + "@" + HUB,
                "To", EnvelopeHeader.GATEWAY_ID, "Service", EnvelopeHeader.SERVICE_NOTICE,
                "HandlingCode", payload.handlingCode().name(), "PayloadFormat", payload.payloadFormat()));
        f.putAll(changes);
        return seal(Envelope.build(new EnvelopeHeader(f.get("MessageId"), "c-1", null, HUB, f.get("To"),
                f.get("Service"), EnvelopeHeader.ACTION_NOTIFY, Instant.now(), f.get("HandlingCode"),
                f.get("PayloadFormat")), payload.xml()));
    }

    static byte[] failedReceipt(GatewayHostileInboundTest t) throws Exception {
        return t.seal(Envelope.build(new EnvelopeHeader(UUID.randomUUID() + "@" + HUB, "c-1",
                "some-message@passage.gc.ca", HUB, EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE,
                EnvelopeHeader.ACTION_RECEIPT, Instant.now(), "H0", Receipt.FORMAT),
                Receipt.payload("00".repeat(32), "FAILED")));
    }

    static byte[] headerWithoutId(GatewayHostileInboundTest t) throws Exception {
        Document d = SecureXml.parse(t.goodBytes());
        ((Element) d.getElementsByTagNameNS(Envelope.NS, "Header").item(0)).removeAttribute("Id");
        return SecureXml.toBytes(d);
    }

    private byte[] seal(Document envelope) throws Exception {
        Keyring own = Keyring.load(keys, HUB);
        return new HostileSealer().seal(envelope, own.signingKey(KeyFamily.RSA).privateKey(),
                own.signingKey(KeyFamily.RSA).certificate(),
                PartnerTrust.load(keys, KeyDirectory.GATEWAY, KeyFamily.RSA).encryptionCert());
    }

    byte[] hostile(java.util.function.Consumer<HostileSealer> configure) throws Exception {
        HostileSealer h = new HostileSealer();
        configure.accept(h);
        Keyring own = Keyring.load(keys, HUB);
        return h.seal(envelope(Instant.now()), own.signingKey(KeyFamily.RSA).privateKey(),
                own.signingKey(KeyFamily.RSA).certificate(), PartnerTrust.load(keys, KeyDirectory.GATEWAY, KeyFamily.RSA).encryptionCert());
    }

    byte[] signedBy(String keySet) throws Exception {
        Keyring other = Keyring.load(keys, keySet);
        return new HostileSealer().seal(envelope(Instant.now()), other.signingKey(KeyFamily.RSA).privateKey(),
                other.signingKey(KeyFamily.RSA).certificate(), PartnerTrust.load(keys, KeyDirectory.GATEWAY, KeyFamily.RSA).encryptionCert());
    }

    byte[] stale() throws Exception {
        Keyring own = Keyring.load(keys, HUB);
        return new HostileSealer().seal(envelope(Instant.now().minus(Duration.ofDays(2))),
                own.signingKey(KeyFamily.RSA).privateKey(), own.signingKey(KeyFamily.RSA).certificate(),
                PartnerTrust.load(keys, KeyDirectory.GATEWAY, KeyFamily.RSA).encryptionCert());
    }

    static byte[] wrapped(GatewayHostileInboundTest t) throws Exception {
        Document d = SecureXml.parse(t.goodBytes());
        Element original = (Element) d.getElementsByTagNameNS(Envelope.NS, "Header").item(0);
        Element forged = (Element) original.cloneNode(true);
        forged.setAttribute("Id", "h-forged");
        Element aside = d.createElementNS(Envelope.NS, "env:Extension");
        d.getDocumentElement().replaceChild(forged, original);
        aside.appendChild(original);
        d.getDocumentElement().appendChild(aside);
        return SecureXml.toBytes(d);
    }

    private HttpResponse<String> post(byte[] raw) throws Exception {
        return hub.httpClient().send(HttpRequest.newBuilder(inbound).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
