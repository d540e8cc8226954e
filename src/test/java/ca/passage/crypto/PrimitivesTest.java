package ca.passage.crypto;

import org.apache.xml.security.encryption.params.HKDFParams;
import org.apache.xml.security.encryption.params.KeyAgreementParameters;
import org.apache.xml.security.utils.KeyUtils;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyAgreement;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider choice for the asymmetric primitives, and that its keys and signatures interoperate with the JDK's. */
class PrimitivesTest {

    @Test
    void ed25519AndEcGoToBouncyCastleWithEcSigningKeysInItsOwnFormWhileRsaStaysWithTheJdk() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair ec = p256().generateKeyPair();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThat(Primitives.forSignature(ed.getPrivate()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ed.getPublic()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ec.getPublic()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ec.getPrivate())).as("a JDK EC private key").isNull();
        assertThat(Primitives.forSignature(new Primitives.BouncyCastleKeys().of(ec.getPrivate())).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(rsa.getPrivate())).isNull();
        assertThat(Primitives.forSignature(rsa.getPublic())).isNull();
    }

    /** Each key maps to its own converted key, every time: the cache never hands one key's form for another. */
    @Test
    void bouncyCastleKeysConvertsEachEcKeyOnceToItsOwnValueAndLeavesOtherKeysAlone() throws Exception {
        Primitives.BouncyCastleKeys keys = new Primitives.BouncyCastleKeys();
        KeyPair a = p256().generateKeyPair();
        KeyPair b = p256().generateKeyPair();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        for (KeyPair k : List.of(a, b, a, b)) {
            ECPrivateKey priv = keys.of((ECPrivateKey) k.getPrivate());
            ECPublicKey pub = keys.of((ECPublicKey) k.getPublic());
            assertThat(priv).isNotSameAs(k.getPrivate()).isSameAs(keys.of(k.getPrivate()));
            assertThat(priv.getS()).isEqualTo(((ECPrivateKey) k.getPrivate()).getS());
            assertThat(pub.getW()).isEqualTo(((ECPublicKey) k.getPublic()).getW());
            assertThat(pub.getEncoded()).isEqualTo(k.getPublic().getEncoded());
        }
        assertThat(keys.of(rsa.getPrivate())).isSameAs(rsa.getPrivate());
        assertThat(keys.of(ed.getPrivate())).isSameAs(ed.getPrivate());
    }

    @Test
    void aBouncyCastleEcdsaSignatureWithTheTranslatedKeyVerifiesWithTheJdk() throws Exception {
        KeyPair ec = p256().generateKeyPair();
        byte[] data = "notice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PrivateKey key = new Primitives.BouncyCastleKeys().of(ec.getPrivate());
        Signature bc = Signature.getInstance("SHA256withECDSA", Primitives.forSignature(key));
        bc.initSign(key);
        bc.update(data);
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(ec.getPublic());
        jdk.update(data);
        assertThat(jdk.verify(bc.sign())).isTrue();
    }

    @Test
    void aBouncyCastleEd25519SignatureOverAJdkKeyVerifiesWithTheJdk() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] data = "notice".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature bc = Signature.getInstance("Ed25519", Primitives.forSignature(ed.getPrivate()));
        bc.initSign(ed.getPrivate());
        bc.update(data);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(ed.getPublic());
        jdk.update(data);
        assertThat(jdk.verify(bc.sign())).isTrue();
    }

    @Test
    void theEphemeralX25519KeyAgreesWithTheRecipientsJdkKeyAndAnRsaKeyGetsNone() throws Exception {
        KeyPair recipient = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyPair ephemeral = Primitives.ephemeralFor(recipient.getPublic(), new SecureRandom());
        assertThat(ephemeral.getPublic().getEncoded()).isNotEqualTo(
                Primitives.ephemeralFor(recipient.getPublic(), new SecureRandom()).getPublic().getEncoded());

        KeyAgreement sender = KeyAgreement.getInstance("XDH");
        sender.init(ephemeral.getPrivate());
        sender.doPhase(recipient.getPublic(), true);
        KeyAgreement receiver = KeyAgreement.getInstance("XDH");
        receiver.init(recipient.getPrivate());
        receiver.doPhase(ephemeral.getPublic(), true);
        assertThat(sender.generateSecret()).isEqualTo(receiver.generateSecret());

        assertThatThrownBy(() -> Primitives.ephemeralFor(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic(),
                new SecureRandom())).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void theEphemeralEcKeyIsOnTheRecipientsCurveAndAgreesWithTheRecipientsJdkKey() throws Exception {
        for (String curve : List.of("secp256r1", "secp384r1")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            KeyPair recipient = g.generateKeyPair();
            KeyPair ephemeral = Primitives.ephemeralFor(recipient.getPublic(), new SecureRandom());
            assertThat(((ECPublicKey) ephemeral.getPublic()).getParams().getOrder())
                    .isEqualTo(((ECPublicKey) recipient.getPublic()).getParams().getOrder());

            KeyAgreement sender = KeyAgreement.getInstance("ECDH");
            sender.init(ephemeral.getPrivate());
            sender.doPhase(recipient.getPublic(), true);
            KeyAgreement receiver = KeyAgreement.getInstance("ECDH");
            receiver.init(recipient.getPrivate());
            receiver.doPhase(ephemeral.getPublic(), true);
            assertThat(sender.generateSecret()).as(curve).isEqualTo(receiver.generateSecret());
        }
    }

    /** Bouncy Castle's key-encryption key, for each party, is the one Santuario derives with the JDK's agreement. */
    @Test
    void theKeyEncryptionKeyIsSantuariosWithTheJdksKeyAgreementForBothParties() throws Exception {
        KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519");
        for (KeyPair recipient : List.of(p256().generateKeyPair(), x25519.generateKeyPair())) {
            KeyPair ephemeral = Primitives.ephemeralFor(recipient.getPublic(), new SecureRandom());
            HKDFParams kdf = HKDFParams.createBuilder(256, Algorithms.HMAC_SHA256).salt(new byte[] {1, 2, 3})
                    .info("passage:test".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
            KeyAgreementParameters originator = new KeyAgreementParameters(KeyAgreementParameters.ActorType.ORIGINATOR,
                    Algorithms.ECDH_ES, kdf);
            originator.setRecipientPublicKey(recipient.getPublic());
            originator.setOriginatorKeyPair(ephemeral);
            KeyAgreementParameters receiving = new KeyAgreementParameters(KeyAgreementParameters.ActorType.RECIPIENT,
                    Algorithms.ECDH_ES, kdf);
            receiving.setRecipientPrivateKey(recipient.getPrivate());
            receiving.setOriginatorPublicKey(KeyFactory.getInstance(recipient.getPublic().getAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(ephemeral.getPublic().getEncoded())));

            byte[] santuario = KeyUtils.aesWrapKeyWithDHGeneratedKey(receiving).getEncoded();
            assertThat(Primitives.keyEncryptionKey(originator).getEncoded()).isEqualTo(santuario);
            assertThat(Primitives.keyEncryptionKey(receiving).getEncoded()).isEqualTo(santuario);
        }
    }

    /** The JDK checked the sender's point (ECDHKeyAgreement.validate); Bouncy Castle must refuse it too. */
    @Test
    void anOriginatorPointOffTheCurveOrOnAnotherCurveIsRefused() throws Exception {
        KeyPair recipient = p256().generateKeyPair();
        ECPublicKey honest = (ECPublicKey) p256().generateKeyPair().getPublic();
        ECPoint moved = new ECPoint(honest.getW().getAffineX(), honest.getW().getAffineY().add(BigInteger.ONE));
        PublicKey offCurve = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(moved, honest.getParams()));
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        for (PublicKey sender : List.of(offCurve, p384.generateKeyPair().getPublic())) {
            KeyAgreementParameters receiving = new KeyAgreementParameters(KeyAgreementParameters.ActorType.RECIPIENT,
                    Algorithms.ECDH_ES, HKDFParams.createBuilder(256, Algorithms.HMAC_SHA256).build());
            receiving.setRecipientPrivateKey(recipient.getPrivate());
            receiving.setOriginatorPublicKey(sender);
            assertThatThrownBy(() -> Primitives.keyEncryptionKey(receiving)).isInstanceOf(Exception.class);
        }
    }

    private static KeyPairGenerator p256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g;
    }
}
