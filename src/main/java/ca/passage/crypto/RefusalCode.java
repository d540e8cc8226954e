package ca.passage.crypto;

/** Why a message was refused. Codes are stable: they are audited and shown to operators. */
public enum RefusalCode {
    MALFORMED,
    OVERSIZE,
    DTD_FORBIDDEN,
    ENCRYPTION_MISSING,
    DECRYPTION_FAILED,
    SIGNATURE_MISSING,
    SIGNATURE_INVALID,
    SIGNATURE_WRAPPING,
    UNTRUSTED_SIGNER,
    SENDER_MISMATCH,
    CERT_EXPIRED,
    CERT_NOT_YET_VALID,
    CERT_REVOKED,
    REVOCATION_UNKNOWN,
    ALGORITHM_REFUSED,
    PROFILE_REFUSED,
    STALE_TIMESTAMP,
    REPLAY,
    /** The envelope's Header or Payload has no Id attribute, so the signature cannot reference it. */
    ID_MISSING
}
