package ca.passage.crypto;

import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Validity period and CRL revocation of a pinned certificate. */
final class CertificateChecks {
    private CertificateChecks() {
    }

    /** Named only on a refusal: the fingerprint costs a digest and an encoding on every message otherwise. */
    private static String id(String role, X509Certificate cert) {
        return role + " certificate " + Pem.sha256Fingerprint(cert).substring(0, 23);
    }

    static void check(String role, X509Certificate cert, List<X509CRL> crls, boolean requireCrl, Instant now) {
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new SecurityRefusal(RefusalCode.CERT_NOT_YET_VALID, id(role, cert) + " is valid only from " + cert.getNotBefore().toInstant());
        }
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new SecurityRefusal(RefusalCode.CERT_EXPIRED, id(role, cert) + " expired at " + cert.getNotAfter().toInstant());
        }
        boolean covered = false;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
                continue;
            }
            if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
                throw new SecurityRefusal(RefusalCode.REVOCATION_UNKNOWN, "CRL of the issuer of " + id(role, cert)
                        + " is out of date since " + crl.getNextUpdate().toInstant());
            }
            covered = true;
            X509CRLEntry entry = crl.getRevokedCertificate(cert);
            if (entry != null && !now.isBefore(entry.getRevocationDate().toInstant())) {
                throw new SecurityRefusal(RefusalCode.CERT_REVOKED, id(role, cert) + " was revoked at " + entry.getRevocationDate().toInstant());
            }
        }
        if (!covered && requireCrl) {
            throw new SecurityRefusal(RefusalCode.REVOCATION_UNKNOWN, "no CRL of the issuer of " + id(role, cert) + " is configured");
        }
    }
}
