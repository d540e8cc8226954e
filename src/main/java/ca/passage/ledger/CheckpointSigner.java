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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Signs checkpoints with the ledger key ({@code ledger.key.pem}, its own key, not a message-signing key) and
 * verifies them with every key that ever signed one, found by the checkpoint's key id (SHA-256 of the public
 * key): the current ledger key, retired ones under {@code previous/<n>/}, and the gateway signing keys that
 * signed checkpoints before the ledger had its own key. Rotation therefore never breaks verification. The
 * signature algorithm follows the key type: EC → SHA256withECDSA, RSA → SHA256withRSA, Ed25519 → Ed25519.
 * A verify-only signer (no private key) checks checkpoints but never writes one; a ledger built with it
 * appends events and leaves checkpoints to a node that has the key.
 */
public final class CheckpointSigner {

    /** The ledger key's base name in the keys folder. */
    public static final String LEDGER_KEY = "ledger";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String algorithm;
    private final String keyId;
    private final Map<String, PublicKey> knownKeys;

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey, Collection<PublicKey> historic) {
        if (publicKey == null) {
            throw new IllegalArgumentException("a checkpoint signer needs the ledger public key or certificate");
        }
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.algorithm = algorithmFor(publicKey);
        this.keyId = keyIdOf(publicKey);
        Map<String, PublicKey> known = new LinkedHashMap<>();
        known.put(keyId, publicKey);
        for (PublicKey k : historic) {
            try {
                algorithmFor(k);
                known.putIfAbsent(keyIdOf(k), k);
            } catch (IllegalArgumentException notASigningKey) {
                // an X25519 key agreement certificate: it never signed a checkpoint
            }
        }
        this.knownKeys = Map.copyOf(known);
    }

    private CheckpointSigner(PrivateKey privateKey, PublicKey publicKey) {
        this(privateKey, publicKey, List.of());
    }

    /** The key id a checkpoint names: SHA-256 (hex) of the public key's encoding. */
    public static String keyIdOf(PublicKey key) {
        return ChainHash.sha256Hex(key.getEncoded());
    }

    /** The same signer, also verifying checkpoints signed by {@code historic} keys. */
    public CheckpointSigner alsoKnowing(Collection<PublicKey> historic) {
        List<PublicKey> all = new ArrayList<>(knownKeys.values());
        all.addAll(historic);
        return new CheckpointSigner(privateKey, publicKey, all);
    }

    /** Key ids of every key this signer verifies with (current first). */
    public Set<String> knownKeyIds() {
        return knownKeys.keySet();
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

    /**
     * Reads {@code ledger.cert.pem} (and {@code ledger.key.pem} if {@code withPrivateKey}) from a keys folder,
     * and, to verify history, every other ledger and gateway certificate there and under {@code previous/}.
     */
    public static CheckpointSigner fromKeysDir(Path dir, boolean withPrivateKey) throws IOException {
        Path certFile = dir.resolve(LEDGER_KEY + ".cert.pem");
        if (!Files.isRegularFile(certFile)) {
            throw new IOException("no ledger certificate " + certFile + " (keys init issues ledger.key.pem and "
                    + "ledger.cert.pem: the key that signs audit checkpoints)");
        }
        X509Certificate cert = readCertificate(certFile);
        PrivateKey key = withPrivateKey ? readPrivateKey(dir.resolve(LEDGER_KEY + ".key.pem")) : null;
        return new CheckpointSigner(key, cert.getPublicKey(), historicKeys(dir));
    }

    /** Public keys of every ledger and gateway certificate in {@code dir} and its {@code previous/<n>/} folders. */
    static List<PublicKey> historicKeys(Path dir) throws IOException {
        List<PublicKey> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                boolean candidate = name.endsWith(".cert.pem") && !name.endsWith(".enc.cert.pem")
                        && (name.startsWith(LEDGER_KEY) || name.startsWith("gateway"));
                if (candidate) {
                    out.add(readCertificate(p).getPublicKey());
                }
            }
        }
        return out;
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

    /** Null when the checkpoint verifies; otherwise what is wrong with it, naming its key id. */
    public String problemWith(Checkpoint cp) {
        if (!knownKeys.containsKey(cp.keyId())) {
            return "checkpoint signed by an unknown key id " + cp.keyId();
        }
        return verify(cp) ? null : "checkpoint signature does not verify with key id " + cp.keyId();
    }

    /** True when the checkpoint names a key id this signer knows and that key signed its seq, hash and time. */
    public boolean verify(Checkpoint cp) {
        PublicKey key = knownKeys.get(cp.keyId());
        if (key == null || !algorithmFor(key).equals(cp.algorithm())) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(cp.signature());
            Signature s = Signature.getInstance(cp.algorithm());
            s.initVerify(key);
            s.update(cp.payload());
            return s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
