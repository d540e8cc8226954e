package ca.passage.crypto;

import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.params.HKDFParams;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.keys.KeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Key;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key agreement of the {@code ec} and {@code ed} profiles is computed by {@link Primitives} (Bouncy Castle), not
 * by Santuario's own path (the JDK's KeyAgreement). The wire format must not notice: what the sealer writes decrypts
 * with Santuario's own path, and what Santuario's own path writes decrypts with the opener.
 */
class KeyAgreementCompatibilityTest {
    @TempDir
    static Path dir;
    static Fixture fx;

    @BeforeAll
    static void pki() {
        fx = new Fixture(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "ed"})
    void aSealedPayloadDecryptsWithSantuariosOwnKeyAgreement(String profileName) throws Exception {
        CryptoProfile p = fx.profile(profileName);
        String partner = Fixture.partnerFor(profileName);
        byte[] sealed = fx.sealer(fx.gateway()).seal(fx.envelope("gateway", partner), fx.trustOf(partner, p), p);

        Document doc = Fixture.parse(sealed);
        Element edEl = (Element) doc.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedData").item(0);
        Element ekEl = (Element) doc.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedKey").item(0);
        XMLCipher loader = XMLCipher.getInstance();
        loader.init(XMLCipher.DECRYPT_MODE, null);
        EncryptedKey ek = loader.loadEncryptedKey(doc, ekEl);
        XMLCipher unwrap = XMLCipher.getInstance();
        unwrap.init(XMLCipher.UNWRAP_MODE, decryptionKey(fx.partner(partner), p));
        Key cek = unwrap.decryptKey(ek, p.contentEncryption());
        XMLCipher dec = XMLCipher.getInstance();
        dec.init(XMLCipher.DECRYPT_MODE, cek);

        assertThat(Fixture.text(dec.decryptToByteArray(edEl))).contains("<n:Notice").contains("Person 1<");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "ed"})
    void aPayloadEncryptedWithSantuariosOwnKeyAgreementDecryptsWithTheOpener(String profileName) throws Exception {
        CryptoProfile p = fx.profile(profileName);
        String partner = Fixture.partnerFor(profileName);
        Document doc = Fixture.parse("<w><n:Notice xmlns:n=\"urn:example:notice:1\">secret</n:Notice></w>"
                .getBytes(StandardCharsets.UTF_8));
        Element target = doc.getDocumentElement();

        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(Algorithms.aesBits(p.contentEncryption()));
        SecretKey cek = g.generateKey();
        KeyAgreementParameters params = new KeyAgreementParameters(KeyAgreementParameters.ActorType.ORIGINATOR,
                p.keyAgreement(), HKDFParams.createBuilder(Algorithms.aesBits(p.keyWrap()), p.keyDerivationPrf())
                .salt(new byte[32]).build());
        XMLCipher wrap = XMLCipher.getInstance(p.keyWrap());
        wrap.init(XMLCipher.WRAP_MODE, fx.trustOf(partner, p).encryptionCert().getPublicKey());
        EncryptedKey ek = wrap.encryptKey(doc, cek, params, new SecureRandom());
        XMLCipher data = XMLCipher.getInstance(p.contentEncryption());
        data.init(XMLCipher.ENCRYPT_MODE, cek);
        EncryptedData ed = data.getEncryptedData();
        KeyInfo ki = new KeyInfo(doc);
        ki.add(ek);
        ed.setKeyInfo(ki);
        data.doFinal(doc, target, true);

        Element edEl = (Element) doc.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedData").item(0);
        Element ekEl = (Element) doc.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedKey").item(0);
        byte[] plain = MessageOpener.decryptBytes(doc, edEl, ekEl, List.of(decryptionKey(fx.partner(partner), p)));

        assertThat(plain).isNotNull();
        assertThat(Fixture.text(plain)).contains(">secret</n:Notice>");
    }

    /** An ephemeral point moved off the curve: the JDK refused it when validating, Bouncy Castle must too. */
    @Test
    void anEcMessageWhoseEphemeralKeyIsNotOnTheCurveIsRefusedAsUndecryptable() {
        CryptoProfile p = fx.profile("ec");
        byte[] sealed = fx.sealer(fx.gateway()).seal(fx.envelope("gateway", Fixture.EC), fx.trustOf(Fixture.EC, p), p);
        Matcher m = Pattern.compile("(<[A-Za-z0-9]+:PublicKey>)([^<]+)(<)").matcher(Fixture.text(sealed));
        assertThat(m.find()).as("the ephemeral ECKeyValue PublicKey").isTrue();
        byte[] point = Base64.getDecoder().decode(m.group(2).replaceAll("&#[xX]?[0-9A-Fa-f]+;|\\s", ""));
        point[point.length - 1] ^= 1;
        byte[] tampered = (Fixture.text(sealed).substring(0, m.start(2)) + Base64.getEncoder().encodeToString(point)
                + Fixture.text(sealed).substring(m.end(2))).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> fx.opener(fx.partner(Fixture.EC)).open(tampered, fx.gatewayTrust(p), p))
                .isInstanceOfSatisfying(SecurityRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.DECRYPTION_FAILED));
    }

    private static PrivateKey decryptionKey(Keyring keyring, CryptoProfile p) {
        String family = p.name().equals("ed") ? "XDH" : "EC";
        return keyring.decryptionKeys().stream().map(Keyring.KeyEntry::privateKey)
                .filter(k -> k.getAlgorithm().equals(family) || family.equals("XDH") && k.getAlgorithm().equals("X25519"))
                .findFirst().orElseThrow();
    }
}
