package ca.passage.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The keys folder the gateway reads (whoever issued its files: the development PKI or an agency's own):
 * <pre>
 * ca.cert.pem ca.crl.pem                      the CA partners and the gateway chain to, its CRL
 * gateway.key.pem gateway.cert.pem            gateway RSA 3072 (profiles rsa, rsa-compat)
 * gateway-ec.key.pem gateway-ec.cert.pem      gateway P-256 (profile ec: ECDSA and ECDH-ES)
 * gateway-ed.key.pem gateway-ed.cert.pem      gateway Ed25519 signing key (profile ed)
 * gateway-ed.enc.key.pem gateway-ed.enc.cert.pem  gateway X25519 key agreement key (profile ed)
 * ledger.key.pem ledger.cert.pem              the audit ledger's checkpoint-signing key (P-256), its own
 * &lt;partner&gt;.cert.pem                          partner certificate of its profile's family
 * &lt;partner&gt;.enc.cert.pem                      X25519 certificate of an ed partner
 * previous/&lt;n&gt;/gateway*.pem ledger.*.pem      generation n, kept for decryption and checkpoint verification
 * </pre>
 */
public final class KeyDirectory {

    /** The base name of the gateway's own key sets. */
    public static final String GATEWAY = "gateway";
    /** The gateway's TLS key set ({@code tls.cert.pem}, {@code tls.key.pem}): its listeners and its client identity. */
    public static final String TLS = "tls";
    /** A partner's TLS (transport) key set is {@code <id>.tls.*}: the gateway pins its certificate. */
    public static final String TLS_SUFFIX = ".tls";
    /** People's client certificates: {@code users/<name>.cert.pem} + {@code .key.pem}. */
    public static final String USERS = "users";

    private final Path dir;

    public KeyDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** Subjects, fingerprints and validity of every certificate in the directory (current and previous). */
    public List<CertificateInfo> describe() {
        List<CertificateInfo> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, 3)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".cert.pem")).sorted().toList()) {
                X509Certificate c = Pem.readCertificate(p);
                String rel = dir.relativize(p).toString();
                out.add(new CertificateInfo(rel, c.getSubjectX500Principal().getName(), c.getSerialNumber().toString(16),
                        Pem.sha256Fingerprint(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(),
                        !rel.startsWith("previous")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot be listed", e);
        }
        return out;
    }

    /** Current certificates that expire before {@code now + within} (or have expired): the start-up warning. */
    public List<CertificateInfo> expiringWithin(Instant now, Duration within) {
        Instant limit = now.plus(within);
        return describe().stream().filter(CertificateInfo::current)
                .filter(c -> c.notAfter().isBefore(limit))
                .sorted(Comparator.comparing(CertificateInfo::notAfter)).toList();
    }
}
