package ca.passage.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What we trust about a peer: its pinned signing certificate (the only key that may verify its messages),
 * the certificate we encrypt for, and the CRLs (already verified against their issuer) used for revocation.
 */
public record PartnerTrust(String partnerId, X509Certificate signingCert, X509Certificate encryptionCert,
                           List<X509CRL> crls) {

    public PartnerTrust {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(signingCert, "signingCert");
        Objects.requireNonNull(encryptionCert, "encryptionCert");
        crls = List.copyOf(crls);
    }

    public PartnerTrust withPartnerId(String id) {
        return new PartnerTrust(id, signingCert, encryptionCert, crls);
    }

    public String signingFingerprint() {
        return Pem.sha256Fingerprint(signingCert);
    }

    /**
     * Loads the peer {@code name}'s certificates of {@code family} from a key directory in the {@link KeyDirectory}
     * layout ({@code <name>-ec.cert.pem} etc. for the gateway, {@code <name>.cert.pem} for a partner), and
     * {@code ca.crl.pem} verified with {@code ca.cert.pem}.
     */
    public static PartnerTrust load(Path dir, String name, KeyFamily family) {
        String base = name + family.gatewaySuffix();
        if (!Files.exists(dir.resolve(base + ".cert.pem"))) {
            base = name;
        }
        Path sign = dir.resolve(base + ".cert.pem");
        Path enc = dir.resolve(base + ".enc.cert.pem");
        Path crl = dir.resolve("ca.crl.pem");
        return of(name, family, sign, Files.exists(enc) ? enc : null,
                Files.exists(crl) ? List.of(crl) : List.of(), dir.resolve("ca.cert.pem"));
    }

    /**
     * Builds trust from explicit files (a partner profile's pinned certificate, optional separate encryption
     * certificate, CRL files and the CA certificate that signs them).
     */
    public static PartnerTrust of(String partnerId, KeyFamily family, Path signingCertPem, Path encryptionCertPem,
                                  List<Path> crlFiles, Path crlIssuerPem) {
        X509Certificate sign = Pem.readCertificate(signingCertPem);
        if (Pem.family(sign.getPublicKey()) != family) {
            throw new IllegalArgumentException(signingCertPem + ": certificate key is " + sign.getPublicKey().getAlgorithm()
                    + ", profile family is " + family);
        }
        X509Certificate enc = encryptionCertPem == null ? sign : Pem.readCertificate(encryptionCertPem);
        if (family == KeyFamily.ED && !Pem.isXdh(enc.getPublicKey())) {
            throw new IllegalArgumentException(signingCertPem + ": an ed partner needs an X25519 encryption certificate");
        }
        List<X509CRL> crls = new ArrayList<>();
        if (!crlFiles.isEmpty()) {
            X509Certificate issuer = Pem.readCertificate(crlIssuerPem);
            for (Path p : crlFiles) {
                X509CRL crl = Pem.readCrl(p);
                try {
                    crl.verify(issuer.getPublicKey());
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException(p + ": CRL signature does not verify with " + crlIssuerPem, e);
                }
                crls.add(crl);
            }
        }
        return new PartnerTrust(partnerId, sign, enc, crls);
    }
}
