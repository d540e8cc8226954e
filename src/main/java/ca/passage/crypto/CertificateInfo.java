package ca.passage.crypto;

import java.time.Instant;

/** What {@code keys show} prints about one certificate file. */
public record CertificateInfo(String file, String subject, String serialHex, String sha256Fingerprint,
                              Instant notBefore, Instant notAfter, boolean current) {
}
