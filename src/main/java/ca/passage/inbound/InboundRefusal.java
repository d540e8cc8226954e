package ca.passage.inbound;

import ca.passage.as4.EbmsErrorCode;
import ca.passage.crypto.RefusalCode;

/** A refused inbound message: the code audited and named in the answer, and the ebMS error that code maps to. */
public class InboundRefusal extends RuntimeException {

    private final RefusalCode code;

    InboundRefusal(RefusalCode code, String message) {
        super(message);
        this.code = code;
    }

    RefusalCode code() {
        return code;
    }

    EbmsErrorCode error() {
        return ebmsFor(code);
    }

    /** The code audited and named in the answer. */
    public String auditCode() {
        return code.name();
    }

    /** Every refusal code answers with one ebMS error: the switch has no default, so a new code must be placed. */
    static EbmsErrorCode ebmsFor(RefusalCode code) {
        return switch (code) {
            case DECRYPTION_FAILED, ENCRYPTION_MISSING -> EbmsErrorCode.FAILED_DECRYPTION;
            case SIGNATURE_MISSING, SIGNATURE_INVALID, SIGNATURE_WRAPPING, UNTRUSTED_SIGNER, SENDER_MISMATCH,
                 CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_REVOKED, REVOCATION_UNKNOWN, SENDER_NOT_ACCEPTED,
                 UNKNOWN_PARTNER, TLS_IDENTITY_MISMATCH -> EbmsErrorCode.FAILED_AUTHENTICATION;
            case ALGORITHM_REFUSED, PROFILE_REFUSED, OVERSIZE, STALE_TIMESTAMP, REPLAY, PARTNER_SUSPENDED ->
                    EbmsErrorCode.POLICY_NONCOMPLIANCE;
            case UNKNOWN_REFERENCE, REFERENCE_CLOSED, NOTICE_ID_IN_USE -> EbmsErrorCode.VALUE_INCONSISTENT;
            case MALFORMED, DTD_FORBIDDEN, ID_MISSING, HEADER_FIELD_TOO_LONG, EMPTY, INVALID_HEADER ->
                    EbmsErrorCode.INVALID_HEADER;
            case UNKNOWN_RECIPIENT, UNKNOWN_SERVICE, PAYLOAD_FORMAT_MISMATCH, HANDLING_CODE_INVALID,
                 HANDLING_CODE_MISMATCH, UNKNOWN_ACTION, INVALID_PAYLOAD -> EbmsErrorCode.VALUE_NOT_RECOGNIZED;
            case RECEIPT_NOT_SUCCESS, RECEIPT_DIGEST_MISMATCH -> EbmsErrorCode.INVALID_RECEIPT;
        };
    }
}
