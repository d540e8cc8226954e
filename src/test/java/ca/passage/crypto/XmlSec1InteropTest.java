package ca.passage.crypto;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Interoperability of the rsa-compat profile with xmlsec1 1.2.x, in both directions, and of the ec profile's
 * signature. These tests fail (never
 * skip) when xmlsec1 is not installed: CI installs it.
 */
@Tag("process")
class XmlSec1InteropTest {
    @TempDir
    static Path dir;
    static Fixture fx;
    static CryptoProfile compat;

    @BeforeAll
    static void setUp() {
        XmlSec1.requireInstalled();
        fx = new Fixture(dir.resolve("keys"));
        compat = fx.profile("rsa-compat");
    }

    // ----------------------------------------------------------------- Passage -> xmlsec1

    private Path sealForPartner(Path work) throws IOException {
        byte[] sealed = fx.sealer(fx.gateway()).seal(fx.envelope("gateway", Fixture.RSA), fx.trustOf(Fixture.RSA, compat), compat);
        Path f = work.resolve("sealed.xml");
        Files.write(f, sealed);
        return f;
    }

    private XmlSec1.Result decryptWithPartnerKeyOnly(Path work, Path in, Path out) {
        return XmlSec1.run(work, List.of("--decrypt", "--privkey-pem", fx.dir.resolve(Fixture.RSA + ".key.pem").toString(),
                "--output", out.toString(), in.toString()));
    }

    private XmlSec1.Result verifyWithCertOnly(Path work, Path in, String certBase) {
        List<String> args = new ArrayList<>(List.of("--verify"));
        args.addAll(XmlSec1.ENVELOPE_IDS);
        args.addAll(List.of("--pubkey-cert-pem", fx.dir.resolve(certBase + ".cert.pem").toString(),
                "--enabled-key-data", "key-name", in.toString()));
        return XmlSec1.run(work, args);
    }

    @Test
    void passageRsaCompatMessageDecryptsWithXmlsec1UsingOnlyThePartnerKeyAndVerifiesWithOnlyTheGatewayCertificate(
            @TempDir Path work) throws IOException {
        Path sealed = sealForPartner(work);
        Path decrypted = work.resolve("decrypted.xml");

        XmlSec1.Result dec = decryptWithPartnerKeyOnly(work, sealed, decrypted);
        assertThat(dec.exitCode()).as(dec.output()).isZero();
        String plain = Files.readString(decrypted);
        assertThat(plain).contains("<n:Notice").contains("Person 1<").doesNotContain("EncryptedData");

        XmlSec1.Result ok = verifyWithCertOnly(work, decrypted, KeyDirectory.GATEWAY);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK").contains("SignedInfo References (ok/all): 2/2");

        // control: the same check with another party's certificate must fail, so the check above means something
        XmlSec1.Result other = verifyWithCertOnly(work, decrypted, Fixture.RSA2);
        assertThat(other.exitCode()).as(other.output()).isNotZero();
    }

    @Test
    void xmlsec1RefusesPassageMessageWithOneByteChangedInTheSignedHeaderOrTheCiphertext(@TempDir Path work) throws IOException {
        Path sealed = sealForPartner(work);
        String wire = Files.readString(sealed);

        Path badCipher = work.resolve("bad-cipher.xml");
        Files.writeString(badCipher, Tamper.flipInLastCipherValue(wire));
        assertThat(decryptWithPartnerKeyOnly(work, badCipher, work.resolve("x.xml")).exitCode()).isNotZero();

        Path badHeader = work.resolve("bad-header.xml");
        Files.writeString(badHeader, wire.replace("<env:HandlingCode>H1<", "<env:HandlingCode>H3<"));
        Path decrypted = work.resolve("decrypted-bad-header.xml");
        assertThat(decryptWithPartnerKeyOnly(work, badHeader, decrypted).exitCode()).isZero();
        XmlSec1.Result v = verifyWithCertOnly(work, decrypted, KeyDirectory.GATEWAY);
        assertThat(v.exitCode()).as(v.output()).isNotZero();
    }

    /**
     * The {@code ec} profile's ECDSA P-256 signature (computed by Bouncy Castle) verifies with OpenSSL. xmlsec1 1.2.x
     * has no ECDH-ES, so the partner decrypts with MessageOpener and xmlsec1 verifies the signature of the decrypted
     * envelope with only the gateway's EC certificate.
     */
    @Test
    void passageEcMessageSignatureVerifiesWithXmlsec1UsingOnlyTheGatewayEcCertificate(@TempDir Path work) throws IOException {
        CryptoProfile ec = fx.profile("ec");
        byte[] sealed = fx.sealer(fx.gateway()).seal(fx.envelope("gateway", Fixture.EC), fx.trustOf(Fixture.EC, ec), ec);
        OpenedMessage m = fx.opener(fx.partner(Fixture.EC)).open(sealed, fx.gatewayTrust(ec), ec);
        Path decrypted = work.resolve("decrypted-ec.xml");
        Files.write(decrypted, MessageXml.serialize(m.document()));

        XmlSec1.Result ok = verifyWithCertOnly(work, decrypted, KeyDirectory.GATEWAY + "-ec");
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK").contains("SignedInfo References (ok/all): 2/2");

        XmlSec1.Result other = verifyWithCertOnly(work, decrypted, Fixture.EC);
        assertThat(other.exitCode()).as(other.output()).isNotZero();
    }

    // ----------------------------------------------------------------- xmlsec1 -> Passage

    /** The foreign partner (uk-police) signs and encrypts with xmlsec1, from the templates in test resources. */
    static byte[] sealedByXmlsec1(Path work, String messageId, Instant timestamp) throws IOException {
        String tmpl = resource("xmlsec1-sign-template.xml").replace("${MID}", messageId).replace("${FROM}", Fixture.RSA)
                .replace("${TIMESTAMP}", timestamp.truncatedTo(ChronoUnit.SECONDS).toString());
        Path t = work.resolve("tmpl-" + messageId + ".xml");
        Files.writeString(t, tmpl);
        Path signed = work.resolve("signed-" + messageId + ".xml");
        List<String> sign = new ArrayList<>(List.of("--sign", "--privkey-pem",
                fx.dir.resolve(Fixture.RSA + ".key.pem") + "," + fx.dir.resolve(Fixture.RSA + ".cert.pem")));
        sign.addAll(XmlSec1.ENVELOPE_IDS);
        sign.addAll(List.of("--output", signed.toString(), t.toString()));
        XmlSec1.Result s = XmlSec1.run(work, sign);
        assertThat(s.exitCode()).as(s.output()).isZero();

        Path encTmpl = work.resolve("enc-tmpl.xml");
        Files.writeString(encTmpl, resource("xmlsec1-encrypt-template.xml"));
        Path enc = work.resolve("enc-" + messageId + ".xml");
        XmlSec1.Result e = XmlSec1.run(work, List.of("--encrypt", "--pubkey-cert-pem",
                fx.dir.resolve("gateway.cert.pem").toString(), "--session-key", "aes-256", "--xml-data", signed.toString(),
                "--node-name", "urn:ca:passage:envelope:1:Payload", "--output", enc.toString(), encTmpl.toString()));
        assertThat(e.exitCode()).as(e.output()).isZero();
        return Files.readAllBytes(enc);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = XmlSec1InteropTest.class.getResourceAsStream("/crypto/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void messageSignedAndEncryptedByXmlsec1AsTheForeignPartnerOpensWithMessageOpener(@TempDir Path work) throws IOException {
        String mid = UUID.randomUUID().toString();
        byte[] raw = sealedByXmlsec1(work, mid, Instant.now());
        assertThat(Fixture.text(raw)).contains("aes256-gcm").doesNotContain("UK-2026-0001");

        OpenedMessage m = fx.opener(fx.gateway()).open(raw, fx.trustOf(Fixture.RSA, compat), compat);

        assertThat(m.headerField("MessageId")).isEqualTo(mid);
        assertThat(m.payload().getTextContent()).contains("UK-2026-0001").contains("interpreter needed");
        assertThat(m.signerFingerprint()).isEqualTo(fx.trustOf(Fixture.RSA, compat).signingFingerprint());
    }

    @Test
    void xmlsec1MessageWithOneByteChangedInTheSignedHeaderIsRefused(@TempDir Path work) throws IOException {
        String wire = Fixture.text(sealedByXmlsec1(work, UUID.randomUUID().toString(), Instant.now()));
        byte[] tampered = wire.replace("<env:HandlingCode>H1<", "<env:HandlingCode>H0<").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(wire.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> fx.opener(fx.gateway()).open(tampered, fx.trustOf(Fixture.RSA, compat), compat))
                .isInstanceOfSatisfying(SecurityRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.SIGNATURE_INVALID));
    }

    @Test
    void xmlsec1MessageWithOneByteChangedInTheCiphertextIsRefused(@TempDir Path work) throws IOException {
        String wire = Fixture.text(sealedByXmlsec1(work, UUID.randomUUID().toString(), Instant.now()));
        byte[] tampered = Tamper.flipInLastCipherValue(wire).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fx.opener(fx.gateway()).open(tampered, fx.trustOf(Fixture.RSA, compat), compat))
                .isInstanceOfSatisfying(SecurityRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.DECRYPTION_FAILED));
    }
}
