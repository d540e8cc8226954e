package ca.passage.testing;

import ca.passage.ledger.CheckpointSigner;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Ledger (checkpoint-signing) test keys made at test time (EC P-256, self-signed with Bouncy Castle); never committed. */
public final class TestKeys {

    public final KeyPair pair;
    public final X509Certificate cert;

    private TestKeys(KeyPair pair, X509Certificate cert) {
        this.pair = pair;
        this.cert = cert;
    }

    public static TestKeys generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500Name("CN=test gateway");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                    kp.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            return new TestKeys(kp, cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public CheckpointSigner signer() {
        return CheckpointSigner.of(pair.getPrivate(), cert);
    }

    public CheckpointSigner verifier() {
        return CheckpointSigner.verifyOnly(cert);
    }

    /** Writes ledger.cert.pem and ledger.key.pem (PKCS#8) into {@code dir}, the keys-folder layout. */
    public void writeTo(Path dir) throws Exception {
        writeTo(dir, CheckpointSigner.LEDGER_KEY);
    }

    /** Writes {@code base}.cert.pem and {@code base}.key.pem (PKCS#8) into {@code dir}. */
    public void writeTo(Path dir, String base) throws Exception {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(base + ".cert.pem"));
             JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(cert);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(base + ".key.pem"));
             JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null));
        }
    }
}
