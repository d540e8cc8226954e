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
    /** An update or lifecycle request refers to a message this partner never sent us (or not a notice). */
    UNKNOWN_REFERENCE,
    /** An update refers to a notice already superseded or withdrawn. */
    REFERENCE_CLOSED
}
