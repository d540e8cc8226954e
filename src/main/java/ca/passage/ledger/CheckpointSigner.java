package ca.passage.ledger;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and verifies checkpoints with the gateway key. The signature algorithm follows the key type:
 * EC → SHA256withECDSA, RSA → SHA256withRSA, Ed25519 → Ed25519. A verify-only signer (certificate or
 * public key, no private key) checks checkpoints but never writes one; a ledger built with it appends
 * events and leaves checkpoints to a node that has the key.
 */
public final class CheckpointSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;
    private final String keyId;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        if (publicKey == null) {
            throw new IllegalArgumentException("a checkpoint signer needs the gateway public key or certificate");
        }
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.algorithm = algorithmFor(publicKey);
        this.keyId = ChainHash.sha256Hex(publicKey.getEncoded());
    }

    public static CheckpointSigner of(PrivateKey privateKey, X509Certificate certificate) {
        return new CheckpointSigner(privateKey, certificate.getPublicKey());
    }

    public static CheckpointSigner of(PrivateKey privateKey, PublicKey publicKey) {
        return new CheckpointSigner(privateKey, publicKey);
    }

    public static CheckpointSigner verifyOnly(X509Certificate certificate) {
        return new CheckpointSigner(null, certificate.getPublicKey());
    }

    public static CheckpointSigner verifyOnly(PublicKey publicKey) {
        return new CheckpointSigner(null, publicKey);
    }

    /** Reads {@code gateway.cert.pem} (and {@code gateway.key.pem} if {@code withPrivateKey}) from a keys folder. */
    public static CheckpointSigner fromKeysDir(Path dir, boolean withPrivateKey) throws IOException {
        X509Certificate cert = readCertificate(dir.resolve("gateway.cert.pem"));
        if (!withPrivateKey) {
            return verifyOnly(cert);
        }
        return of(readPrivateKey(dir.resolve("gateway.key.pem")), cert);
    }

    public static X509Certificate readCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException("not a PEM X.509 certificate: " + pem.getFileName(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader r = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(r)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) {
                return conv.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return conv.getKeyPair(pair).getPrivate();
            }
            throw new IOException("no unencrypted private key in " + pem.getFileName());
        }
    }

    private static String algorithmFor(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported checkpoint key type " + key.getAlgorithm());
        };
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public String keyId() {
        return keyId;
    }

    public Checkpoint sign(long seq, String headHash, Instant signedAt) {
        if (privateKey == null) {
            throw new IllegalStateException("verify-only signer cannot sign checkpoints");
        }
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(privateKey);
            s.update(Checkpoint.payload(seq, headHash, signedAt));
            return new Checkpoint(seq, headHash, signedAt, algorithm, keyId,
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new LedgerException("checkpoint signing failed: " + e.getMessage(), e);
        }
    }

    /** True when the checkpoint was signed by this gateway key over its own seq, hash and time. */
    public boolean verify(Checkpoint cp) {
        if (!algorithm.equals(cp.algorithm())) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(cp.signature());
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(publicKey);
            s.update(cp.payload());
            return s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
