package ca.passage.crypto;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.params.HKDFParams;
import org.apache.xml.security.utils.KeyUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.crypto.KeyAgreement;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published test vectors checked against the primitives the profiles use: the JCA Ed25519 signature and X25519
 * agreement that Santuario calls, Santuario's HKDF, and Santuario's XML-Enc 1.1 decryption path of
 * {@link MessageOpener} (W3C XML Encryption 1.1 interop vectors, copied into src/test/resources/w3c/xmlenc11 with their notice).
 */
class PublishedVectorsTest {
    static final HexFormat HEX = HexFormat.of();
    static final Path XMLENC11 = Path.of("src", "test", "resources", "w3c", "xmlenc11");

    @BeforeAll
    static void init() {
        org.apache.xml.security.Init.init();
    }

    // RFC 8032 section 7.1, TEST 1, TEST 2 and TEST 3
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
            + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
            + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
            + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
            + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
            + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void ed25519SignatureMatchesRfc8032(String secret, String pub, String message, String signature) throws Exception {
        byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);
        PrivateKey sk = KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(HEX.parseHex("302e020100300506032b657004220420" + secret)));
        PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(HEX.parseHex("302a300506032b6570032100" + pub)));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(sk);
        s.update(msg);
        assertThat(HEX.formatHex(s.sign())).isEqualTo(signature);
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(pk);
        v.update(msg);
        assertThat(v.verify(HEX.parseHex(signature))).isTrue();
        byte[] bad = msg.length == 0 ? new byte[] {0} : msg.clone();
        bad[0] ^= 1;
        v.initVerify(pk);
        v.update(bad);
        assertThat(v.verify(HEX.parseHex(signature))).isFalse();
    }

    static PrivateKey x25519Private(String hex) throws Exception {
        return KeyFactory.getInstance("X25519").generatePrivate(
                new PKCS8EncodedKeySpec(HEX.parseHex("302e020100300506032b656e04220420" + hex)));
    }

    static PublicKey x25519Public(String hex) throws Exception {
        return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(HEX.parseHex("302a300506032b656e032100" + hex)));
    }

    static String x25519(String scalar, String u) throws Exception {
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(x25519Private(scalar));
        ka.doPhase(x25519Public(u), true);
        return HEX.formatHex(ka.generateSecret());
    }

    // RFC 7748 section 5.2 (two single-step vectors) and section 6.1 (Diffie-Hellman both ways)
    @Test
    void x25519MatchesRfc7748() throws Exception {
        assertThat(x25519("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
        assertThat(x25519("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
        String alicePriv = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
        String alicePub = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
        String bobPriv = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
        String bobPub = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(x25519(alicePriv, bobPub)).isEqualTo(shared);
        assertThat(x25519(bobPriv, alicePub)).isEqualTo(shared);
        // the base point 9 gives each side's public key
        assertThat(x25519(alicePriv, "09" + "00".repeat(31))).isEqualTo(alicePub);
    }

    // RFC 5869 appendix A, test cases 1, 2 and 3 (HMAC-SHA256), through Santuario's HKDF as the profiles use it
    @ParameterizedTest
    @CsvSource({
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b,000102030405060708090a0b0c,f0f1f2f3f4f5f6f7f8f9,42,"
            + "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
            + "303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f,"
            + "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f"
            + "909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf,"
            + "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
            + "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff,82,"
            + "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
            + "da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
        "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b,,,42,"
            + "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    })
    void hkdfSha256MatchesRfc5869(String ikm, String salt, String info, int length, String okm) throws Exception {
        HKDFParams p = HKDFParams.createBuilder(length * 8, Algorithms.HMAC_SHA256)
                .salt(salt == null ? null : HEX.parseHex(salt))
                .info(info == null ? null : HEX.parseHex(info)).build();
        assertThat(HEX.formatHex(KeyUtils.deriveKeyWithHKDF(HEX.parseHex(ikm), p))).isEqualTo(okm);
    }

    // W3C XML Encryption 1.1 interop vectors: the opener's decryption primitive must produce plaintext.xml
    @ParameterizedTest
    @CsvSource({
        "cipherText__RSA-2048__aes128-gcm__rsa-oaep-mgf1p.xml, RSA-2048_SHA256WithRSA.p12",
        "cipherText__RSA-3072__aes192-gcm__rsa-oaep-mgf1p__Sha256.xml, RSA-3072_SHA256WithRSA.p12",
        "cipherText__RSA-3072__aes256-gcm__rsa-oaep__Sha384-MGF_Sha1.xml, RSA-3072_SHA256WithRSA.p12",
        "cipherText__RSA-4096__aes256-gcm__rsa-oaep__Sha512-MGF_Sha1_PSource.xml, RSA-4096_SHA256WithRSA.p12",
        "cipherText__EC-P256__aes128-gcm__kw-aes128__ECDH-ES__ConcatKDF-1.xml, EC-P256_SHA256WithECDSA-v02.p12",
        "cipherText__EC-P384__aes192-gcm__kw-aes192__ECDH-ES__ConcatKDF-2.xml, EC-P384_SHA256WithECDSA-v02.p12",
        "cipherText__EC-P521__aes256-gcm__kw-aes256__ECDH-ES__ConcatKDF-3.xml, EC-P521_SHA256WithECDSA-v02.p12"
    })
    void w3cXmlEnc11VectorDecryptsToThePublishedPlaintext(String cipherText, String keystore) throws Exception {
        assertThat(XMLENC11).as("W3C vectors in the repository (src/test/resources/w3c/xmlenc11)").isDirectory();
        List<PrivateKey> keys = vectorKeys(keystore);
        assertThat(keys).isNotEmpty();
        Document doc = Fixture.parse(Files.readAllBytes(XMLENC11.resolve(cipherText)));
        Element ed = doc.getDocumentElement();
        Element ek = (Element) ed.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedKey").item(0);

        byte[] plain = MessageOpener.decryptBytes(doc, ed, ek, keys);

        assertThat(plain).as("decryption with the vector's key").isNotNull();
        Document expected = Fixture.parse(Files.readAllBytes(XMLENC11.resolve("plaintext.xml")));
        assertThat(c14n(Fixture.parse(plain).getDocumentElement())).isEqualTo(c14n(expected.getDocumentElement()));
    }

    @Test
    void w3cVectorWithOneCiphertextByteChangedDoesNotDecrypt() throws Exception {
        String name = "cipherText__RSA-2048__aes128-gcm__rsa-oaep-mgf1p.xml";
        PrivateKey key = vectorKeys("RSA-2048_SHA256WithRSA.p12").get(0);
        String wire = Files.readString(XMLENC11.resolve(name));
        Document doc = Fixture.parse(Tamper.flipInLastCipherValue(wire).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Element ed = doc.getDocumentElement();
        Element ek = (Element) ed.getElementsByTagNameNS(Algorithms.XENC_NS, "EncryptedKey").item(0);
        assertThat(MessageOpener.decryptBytes(doc, ed, ek, List.of(key))).isNull();
    }

    /**
     * The vectors' keystores hold bags without attributes, which the JDK's PKCS#12 reader skips; Bouncy Castle's
     * reader (a local provider instance, not registered) reads them, and the keys are re-imported as JDK keys.
     */
    static List<PrivateKey> vectorKeys(String keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        try (InputStream in = Files.newInputStream(XMLENC11.resolve(keystore))) {
            ks.load(in, "passwd".toCharArray());
        }
        List<PrivateKey> keys = new java.util.ArrayList<>();
        for (String alias : java.util.Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                keys.add(Pem.privateKey(ks.getKey(alias, "passwd".toCharArray()).getEncoded()));
            }
        }
        return keys;
    }

    static String c14n(Node n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(n, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
