package ca.passage.crypto;

import ca.passage.devtools.pki.DevPki;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every hostile input is refused with its own code; each test also shows its baseline is accepted. */
class HostileInputTest {
    @TempDir
    static Path dir;
    static Fixture fx;
    static CryptoProfile ec;
    static CryptoProfile compat;
    static PartnerTrust frTrust;
    static PartnerTrust ukTrust;

    @BeforeAll
    static void setUp() {
        fx = new Fixture(dir);
        ec = fx.profile("ec");
        compat = fx.profile("rsa-compat");
        frTrust = fx.trustOf(Fixture.EC, ec);
        ukTrust = fx.trustOf(Fixture.RSA, compat);
    }

    static void assertRefused(RefusalCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SecurityRefusal.class, r -> assertThat(r.code()).as(r.getMessage())
                .isEqualTo(code));
    }

    /** A valid message from fr-police (ec) to the gateway. */
    static byte[] fromFrance() {
        return fx.sealer(fx.partner(Fixture.EC)).seal(fx.envelope(Fixture.EC, "gateway"), fx.gatewayTrust(ec), ec);
    }

    static OpenedMessage openAsGateway(byte[] raw) {
        return fx.opener(fx.gateway()).open(raw, frTrust, ec);
    }

    static Document dom(byte[] raw) {
        return Fixture.parse(raw);
    }

    static byte[] bytes(Document d) {
        return MessageXml.serialize(d);
    }

    static Element header(Document d) {
        return (Element) d.getElementsByTagNameNS(EnvelopeDom.NS, "Header").item(0);
    }

    static Element payload(Document d) {
        return (Element) d.getElementsByTagNameNS(EnvelopeDom.NS, "Payload").item(0);
    }

    @Test
    void baselineMessageFromThePartnerIsAccepted() {
        assertThat(openAsGateway(fromFrance()).headerField("From")).isEqualTo(Fixture.EC);
    }

    // ------------------------------------------------------------------ signature wrapping

    @Test
    void signedHeaderMovedAsideAndReplacedByForgedHeaderIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element original = header(d);
        Element forged = (Element) original.cloneNode(true);
        forged.setAttribute("Id", "h-forged");
        forged.getElementsByTagNameNS(EnvelopeDom.NS, "HandlingCode").item(0).setTextContent("H0");
        Element aside = d.createElementNS(EnvelopeDom.NS, "env:Extension");
        d.getDocumentElement().replaceChild(forged, original);
        aside.appendChild(original); // the signature still references #h-... which now resolves to the moved original
        d.getDocumentElement().appendChild(aside);
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void signedHeaderMovedIntoTheSignatureObjectIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element original = header(d);
        Element forged = (Element) original.cloneNode(true);
        forged.setAttribute("Id", "h-forged");
        Element sig = (Element) d.getElementsByTagNameNS(Algorithms.DSIG_NS, "Signature").item(0);
        Element object = d.createElementNS(Algorithms.DSIG_NS, "ds:Object");
        d.getDocumentElement().replaceChild(forged, original);
        object.appendChild(original);
        sig.appendChild(object);
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void duplicatedSignedHeaderWithTheSameIdIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element copy = (Element) header(d).cloneNode(true);
        copy.getElementsByTagNameNS(EnvelopeDom.NS, "To").item(0).setTextContent("someone-else");
        d.getDocumentElement().insertBefore(copy, header(d));
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void duplicateIdOnAnotherElementIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element decoy = d.createElementNS(EnvelopeDom.NS, "env:Note");
        decoy.setAttribute("Id", header(d).getAttribute("Id"));
        header(d).appendChild(decoy);
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void headerWithoutAnIdIsRefusedWithIdMissingNotAnUncheckedDomError() {
        Document d = dom(fromFrance());
        header(d).removeAttribute("Id");
        assertRefused(RefusalCode.ID_MISSING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void payloadWithAnEmptyIdIsRefusedWithIdMissing() {
        Document d = dom(fromFrance());
        payload(d).setAttribute("Id", "");
        assertRefused(RefusalCode.ID_MISSING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void idCollectionWalksANestingFarDeeperThanAnyStackWithoutOverflowing() throws Exception {
        // built by a plain parser (no depth limit, linear time): the walks must not rely on the parse-time limit
        int depth = 100_000;
        String deep = "<a>".repeat(depth) + "<a Id=\"x\"/><a Id=\"x\"/>" + "</a>".repeat(depth);
        var factory = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "0");
        Document d = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> MessageOpener.collectIds(d.getDocumentElement(),
                new java.util.HashSet<>(), false));
        assertThat(MessageOpener.elements(d.getDocumentElement())).hasSize(depth + 2);
    }

    @Test
    void signedPayloadNestedInsideAForgedPayloadIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element original = payload(d);
        Element forged = d.createElementNS(EnvelopeDom.NS, "env:Payload");
        forged.setAttribute("Id", "p-forged");
        d.getDocumentElement().replaceChild(forged, original);
        forged.appendChild(original);
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void secondSignatureIsRefusedAsWrapping() {
        Document d = dom(fromFrance());
        Element sig = (Element) d.getElementsByTagNameNS(Algorithms.DSIG_NS, "Signature").item(0);
        header(d).appendChild(sig.cloneNode(true));
        assertRefused(RefusalCode.SIGNATURE_WRAPPING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void messageWithoutSignatureIsRefused() {
        Document d = dom(fromFrance());
        Element sig = (Element) d.getElementsByTagNameNS(Algorithms.DSIG_NS, "Signature").item(0);
        sig.getParentNode().removeChild(sig);
        assertRefused(RefusalCode.SIGNATURE_MISSING, () -> openAsGateway(bytes(d)));
    }

    @Test
    void signedButUnencryptedPayloadIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.encrypt = false;
        Keyring uk = fx.partner(Fixture.RSA);
        byte[] raw = h.seal(fx.envelope(Fixture.RSA, "gateway"), uk.signingKey(KeyFamily.RSA).privateKey(),
                uk.signingKey(KeyFamily.RSA).certificate(), fx.gatewayTrust(compat).encryptionCert());
        assertRefused(RefusalCode.ENCRYPTION_MISSING, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    // ------------------------------------------------------------------ signer identity

    @Test
    void signatureByAnotherKeyCarryingThePartnersOwnCertificateIsRefusedAsInvalid(@TempDir Path other) {
        new DevPki().init(other, java.util.List.of(new PartnerKeySpec(Fixture.EC, KeyFamily.EC)));
        Keyring rogueKey = Keyring.load(other, Fixture.EC);
        Keyring forger = new Keyring("forger", Map.of(KeyFamily.EC, new Keyring.KeyEntry(
                rogueKey.signingKey(KeyFamily.EC).privateKey(), frTrust.signingCert(), 0)), java.util.List.of());
        byte[] raw = fx.sealer(forger).seal(fx.envelope(Fixture.EC, "gateway"), fx.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.SIGNATURE_INVALID, () -> openAsGateway(raw));
    }

    @Test
    void signatureByAKeyFromAnotherPkiClaimingToBeThePartnerIsRefusedAsUntrusted(@TempDir Path other) {
        new DevPki().init(other, java.util.List.of(new PartnerKeySpec(Fixture.EC, KeyFamily.EC)));
        byte[] raw = fx.sealer(Keyring.load(other, Fixture.EC)).seal(fx.envelope(Fixture.EC, "gateway"), fx.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.UNTRUSTED_SIGNER, () -> openAsGateway(raw));
    }

    @Test
    void messageSignedWithTheCertificateOfAnotherPartnerIsRefusedAsUntrusted() {
        // de-police (a genuine partner of the same CA) signs, claiming to be uk-police
        byte[] raw = fx.sealer(fx.partner(Fixture.RSA2)).seal(fx.envelope(Fixture.RSA, "gateway"), fx.gatewayTrust(compat), compat);
        assertRefused(RefusalCode.UNTRUSTED_SIGNER, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    // ------------------------------------------------------------------ algorithms

    private static byte[] hostileFromUk(HostileSealer h) throws Exception {
        Keyring uk = fx.partner(Fixture.RSA);
        return h.seal(fx.envelope(Fixture.RSA, "gateway"), uk.signingKey(KeyFamily.RSA).privateKey(),
                uk.signingKey(KeyFamily.RSA).certificate(), fx.gatewayTrust(compat).encryptionCert());
    }

    @Test
    void hostileSealerWithTheProfilesAlgorithmsProducesAnAcceptedMessage() throws Exception {
        byte[] raw = hostileFromUk(new HostileSealer());
        assertThat(fx.opener(fx.gateway()).open(raw, ukTrust, compat).headerField("From")).isEqualTo(Fixture.RSA);
    }

    @Test
    void aesCbcContentEncryptionIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.contentAlgorithm = Algorithms.AES256_CBC;
        byte[] raw = hostileFromUk(h);
        assertThat(Fixture.text(raw)).contains(Algorithms.AES256_CBC);
        assertRefused(RefusalCode.ALGORITHM_REFUSED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void rsaPkcs1v15KeyTransportIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.keyTransport = Algorithms.RSA_1_5;
        byte[] raw = hostileFromUk(h);
        assertThat(Fixture.text(raw)).contains(Algorithms.RSA_1_5);
        assertRefused(RefusalCode.ALGORITHM_REFUSED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void sha1ReferenceDigestIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.digestAlgorithm = Algorithms.SHA1;
        byte[] raw = hostileFromUk(h);
        assertRefused(RefusalCode.ALGORITHM_REFUSED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void rsaSha1SignatureIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.signatureAlgorithm = Algorithms.RSA_SHA1;
        byte[] raw = hostileFromUk(h);
        assertRefused(RefusalCode.ALGORITHM_REFUSED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void messageUsingAnotherAllowedProfileThanThePartnersIsRefused() {
        CryptoProfile rsa = fx.profile("rsa");
        byte[] raw = fx.sealer(fx.partner(Fixture.RSA)).seal(fx.envelope(Fixture.RSA, "gateway"), fx.gatewayTrust(rsa), rsa);
        assertRefused(RefusalCode.ALGORITHM_REFUSED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void tamperedCiphertextIsRefused() {
        byte[] raw = Tamper.flipInLastCipherValue(Fixture.text(fromFrance())).getBytes(StandardCharsets.UTF_8);
        assertRefused(RefusalCode.DECRYPTION_FAILED, () -> openAsGateway(raw));
    }

    @Test
    void tamperedGcmTagIsRefused() {
        byte[] raw = Tamper.flipInTag(Fixture.text(fromFrance())).getBytes(StandardCharsets.UTF_8);
        assertRefused(RefusalCode.DECRYPTION_FAILED, () -> openAsGateway(raw));
    }

    @Test
    void headerChangedAfterSigningIsRefused() {
        String wire = Fixture.text(fromFrance());
        byte[] raw = wire.replace("<env:HandlingCode>H1<", "<env:HandlingCode>H0<").getBytes(StandardCharsets.UTF_8);
        assertThat(raw).isNotEqualTo(wire.getBytes(StandardCharsets.UTF_8));
        assertRefused(RefusalCode.SIGNATURE_INVALID, () -> openAsGateway(raw));
    }

    @Test
    void messageForAnotherRecipientCannotBeDecrypted() {
        byte[] toUk = fx.sealer(fx.gateway()).seal(fx.envelope("gateway", Fixture.RSA), ukTrust, compat);
        assertRefused(RefusalCode.DECRYPTION_FAILED, () -> fx.opener(fx.partner(Fixture.RSA2)).open(toUk,
                fx.gatewayTrust(compat), compat));
    }

    // ------------------------------------------------------------------ parser attacks and size

    @Test
    void xxeInsideTheEncryptedPayloadIsRefused() throws Exception {
        HostileSealer h = new HostileSealer();
        h.rawPayloadPlaintext = ("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><x>&xxe;</x>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] raw = hostileFromUk(h);
        assertThat(Fixture.text(raw)).doesNotContain("DOCTYPE");
        assertRefused(RefusalCode.DTD_FORBIDDEN, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void entityExpansionInsideTheEncryptedPayloadIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        HostileSealer h = new HostileSealer();
        h.rawPayloadPlaintext = (dtd + "]><lolz>&lol9;</lolz>").getBytes(StandardCharsets.UTF_8);
        byte[] raw = hostileFromUk(h);
        assertRefused(RefusalCode.DTD_FORBIDDEN, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void undeclaredEntityInsideTheEncryptedPayloadIsRefusedAsMalformed() throws Exception {
        HostileSealer h = new HostileSealer();
        h.rawPayloadPlaintext = "<x>&lol9;</x>".getBytes(StandardCharsets.UTF_8);
        byte[] raw = hostileFromUk(h);
        assertRefused(RefusalCode.MALFORMED, () -> fx.opener(fx.gateway()).open(raw, ukTrust, compat));
    }

    @Test
    void doctypeInTheOuterMessageIsRefused() {
        String wire = Fixture.text(fromFrance());
        byte[] raw = ("<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + wire).getBytes(StandardCharsets.UTF_8);
        assertRefused(RefusalCode.DTD_FORBIDDEN, () -> openAsGateway(raw));
    }

    @Test
    void messageLargerThanThePolicyLimitIsRefusedBeforeParsing() {
        CryptoPolicy p = fx.config.policy();
        CryptoPolicy small = new CryptoPolicy(p.allowedProfiles(), p.allowedAlgorithms(), p.refusedAlgorithms(), p.clockSkew(),
                p.replayWindow(), 4096, p.requireCrl());
        byte[] raw = fromFrance();
        assertThat(raw.length).isGreaterThan(4096);
        assertRefused(RefusalCode.OVERSIZE, () -> new MessageOpener(fx.gateway(), small, fx.clock).open(raw, frTrust, ec));
        byte[] huge = new byte[(int) p.maxMessageBytes() + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertRefused(RefusalCode.OVERSIZE, () -> openAsGateway(huge));
    }

    // ------------------------------------------------------------------ freshness and replay

    private InboundGuard guard(Clock clock) {
        return new InboundGuard(new MessageOpener(fx.gateway(), fx.config.policy(), clock),
                new FreshnessCheck(fx.config.policy(), clock), new InMemorySeenMessages(Duration.ofHours(25)));
    }

    @Test
    void replayOfAnAcceptedMessageIsRefused() {
        InboundGuard g = guard(fx.clock);
        byte[] raw = fromFrance();
        assertThat(g.accept(raw, frTrust, ec).headerField("From")).isEqualTo(Fixture.EC);
        assertRefused(RefusalCode.REPLAY, () -> g.accept(raw, frTrust, ec));
    }

    @Test
    void timestampOlderThanTheWindowOrInTheFutureIsRefused() {
        Instant now = fx.clock.instant();
        InboundGuard g = guard(fx.clock);
        byte[] old = fx.sealer(fx.partner(Fixture.EC)).seal(Fixture.envelope(Fixture.EC, "gateway",
                now.minus(Duration.ofHours(25)), 1000), fx.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.STALE_TIMESTAMP, () -> g.accept(old, frTrust, ec));
        byte[] future = fx.sealer(fx.partner(Fixture.EC)).seal(Fixture.envelope(Fixture.EC, "gateway",
                now.plus(Duration.ofMinutes(30)), 1000), fx.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.STALE_TIMESTAMP, () -> g.accept(future, frTrust, ec));
        byte[] withinSkew = fx.sealer(fx.partner(Fixture.EC)).seal(Fixture.envelope(Fixture.EC, "gateway",
                now.plus(Duration.ofMinutes(2)), 1000), fx.gatewayTrust(ec), ec);
        assertThat(g.accept(withinSkew, frTrust, ec)).isNotNull();
    }

    @Test
    void signedHeaderNamingAnotherSenderIsRefused() {
        byte[] raw = fx.sealer(fx.partner(Fixture.EC)).seal(fx.envelope(Fixture.RSA, "gateway"), fx.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.SENDER_MISMATCH, () -> guard(fx.clock).accept(raw, frTrust, ec));
    }

    // ------------------------------------------------------------------ certificate status

    @Test
    void expiredPartnerCertificateIsRefused(@TempDir Path d) {
        Instant now = Instant.now();
        Fixture past = new Fixture(d, Clock.fixed(now.minus(Duration.ofDays(10)), ZoneOffset.UTC));
        new DevPki(past.clock).issueKeySet(d, Fixture.EC, KeyFamily.EC, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(1)));
        Clock then = Clock.fixed(now.minus(Duration.ofDays(5)), ZoneOffset.UTC);
        byte[] raw = new MessageSealer(past.partner(Fixture.EC), past.config.policy(), then)
                .seal(Fixture.envelope(Fixture.EC, "gateway", now, 500), past.gatewayTrust(ec), ec);
        MessageOpener thenOpener = new MessageOpener(past.gateway(), past.config.policy(), then);
        assertThat(thenOpener.open(raw, past.trustOf(Fixture.EC, ec), ec)).isNotNull();
        assertRefused(RefusalCode.CERT_EXPIRED, () -> past.opener(past.gateway()).open(raw, past.trustOf(Fixture.EC, ec), ec));
    }

    @Test
    void notYetValidPartnerCertificateIsRefused(@TempDir Path d) {
        Instant now = Instant.now();
        Fixture f = new Fixture(d);
        new DevPki().issueKeySet(d, Fixture.EC, KeyFamily.EC, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        Clock later = Clock.fixed(now.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        byte[] raw = new MessageSealer(f.partner(Fixture.EC), f.config.policy(), later)
                .seal(Fixture.envelope(Fixture.EC, "gateway", now, 500), f.gatewayTrust(ec), ec);
        assertRefused(RefusalCode.CERT_NOT_YET_VALID, () -> f.opener(f.gateway()).open(raw, f.trustOf(Fixture.EC, ec), ec));
    }

    @Test
    void revokedPartnerCertificateIsRefused(@TempDir Path d) {
        Fixture f = new Fixture(d);
        byte[] raw = f.sealer(f.partner(Fixture.EC)).seal(f.envelope(Fixture.EC, "gateway"), f.gatewayTrust(ec), ec);
        assertThat(f.opener(f.gateway()).open(raw, f.trustOf(Fixture.EC, ec), ec)).isNotNull();
        new DevPki().revoke(d, Fixture.EC);
        assertRefused(RefusalCode.CERT_REVOKED, () -> f.opener(f.gateway()).open(raw, f.trustOf(Fixture.EC, ec), ec));
    }

    @Test
    void sealingForARevokedRecipientIsRefused(@TempDir Path d) {
        Fixture f = new Fixture(d);
        new DevPki().revoke(d, Fixture.EC);
        assertRefused(RefusalCode.CERT_REVOKED, () -> f.sealer(f.gateway()).seal(f.envelope("gateway", Fixture.EC),
                f.trustOf(Fixture.EC, ec), ec));
    }
}
