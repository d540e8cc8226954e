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
    REFERENCE_CLOSED,
    /** The envelope's Header or Payload has no Id attribute, so the signature cannot reference it. */
    ID_MISSING,
    /** A header field is longer than the contract allows (ids 128 characters, names 64). */
    HEADER_FIELD_TOO_LONG,
    /** The header's To is not this gateway. */
    UNKNOWN_RECIPIENT,
    /** The header's Service is not one this gateway serves. */
    UNKNOWN_SERVICE,
    /** The header's PayloadFormat is not the one the partner's profile (or the message's action) calls for. */
    PAYLOAD_FORMAT_MISMATCH,
    /** The header's HandlingCode is not one of H0 to H3. */
    HANDLING_CODE_INVALID,
    /** The header's HandlingCode differs from the handling code inside the payload. */
    HANDLING_CODE_MISMATCH,
    /** A receipt whose Status is not RECEIVED: the partner did not take the message. */
    RECEIPT_NOT_SUCCESS,
    /**
     * What an unidentified sender is told, whatever the reason (unknown, suspended or disabled partner, a signing
     * certificate expired, not yet valid, revoked or of unknown status): the reason itself goes to the audit only, so
     * the answer never says whether a partner exists or what state it is in.
     */
    SENDER_NOT_ACCEPTED,
    /** A partner's notice whose id this partner already used in another message (a new version is an Update). */
    NOTICE_ID_IN_USE,
    /** An inbound message with no bytes at all. */
    EMPTY,
    /** The header's From names no partner profile (answered as {@link #SENDER_NOT_ACCEPTED}). */
    UNKNOWN_PARTNER,
    /** The header's From names a partner that is suspended or disabled (answered as {@link #SENDER_NOT_ACCEPTED}). */
    PARTNER_SUSPENDED,
    /** The header's From is not the partner the mutual-TLS client certificate proves. */
    TLS_IDENTITY_MISMATCH,
    /** The header's Action is not one Passage serves. */
    UNKNOWN_ACTION,
    /** The payload cannot be read in the partner's format, or what it says is not a valid Canadian notice. */
    INVALID_PAYLOAD,
    /** The header cannot be read (a field missing or malformed) for a reason no more precise code names. */
    INVALID_HEADER,
    /** A receipt whose digest is not the digest of the message we sent. */
    RECEIPT_DIGEST_MISMATCH
}
