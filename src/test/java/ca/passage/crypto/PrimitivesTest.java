package ca.passage.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.KeyAgreement;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider choice for the asymmetric primitives, and that its keys and signatures interoperate with the JDK's. */
class PrimitivesTest {

    @Test
    void ed25519AndEcVerificationGoToBouncyCastleWhileEcSigningAndRsaStayWithTheJdk() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = ecGen.generateKeyPair();
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        assertThat(Primitives.forSignature(ed.getPrivate()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ed.getPublic()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ec.getPublic()).getName()).isEqualTo("BC");
        assertThat(Primitives.forSignature(ec.getPrivate())).isNull();
        assertThat(Primitives.forSignature(rsa.getPrivate())).isNull();
        assertThat(Primitives.forSignature(rsa.getPublic())).isNull();
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
    void theEphemeralX25519KeyAgreesWithTheRecipientsJdkKeyAndNoOtherKeyGetsOne() throws Exception {
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

        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        assertThat(Primitives.ephemeralFor(ecGen.generateKeyPair().getPublic(), new SecureRandom())).isNull();
    }
}
