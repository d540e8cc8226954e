package ca.passage.ledger;

/**
 * Every action Passage writes to the audit ledger. The ledger stores the name as text (events read back from the
 * database or an export keep that text in {@link AuditEvent#action()}, so rows written by older versions still
 * read and verify).
 */
public enum AuditAction {
    // gateway life cycle and configuration
    GATEWAY_STARTED,
    GATEWAY_STOPPED,
    PARTNER_PROFILES_LOADED,
    CRYPTO_CONFIG_LOADED,
    CERTIFICATES_LOADED,

    // intake and approval
    NOTICE_RECEIVED,
    EXCHANGE_CREATED,
    EXCHANGE_QUEUED,
    NOTICE_APPROVED,
    /** Four-eyes: the submitter tried to decide on their own notice. */
    APPROVAL_DENIED,
    NOTICE_REJECTED,
    /** The payload made at send time is not the one a supervisor approved: the exchange is held again. */
    APPROVAL_INVALIDATED,

    // outbound delivery
    DELIVERY_ATTEMPT,
    POLICY_APPLIED,
    /** The free-text screener replaced identifiers (kinds as two-letter codes, never values). */
    FREE_TEXT_REDACTED,
    MESSAGE_SENT,
    RECEIPT_ACCEPTED,
    RECEIPT_IGNORED,
    ACK_OVERDUE,
    EXCHANGE_FAILED,

    // inbound
    INBOUND_NOTICE_RECEIVED,
    INBOUND_REFUSED,
    /** A duplicate of a message already accepted, answered with its original answer and not processed again. */
    INBOUND_DUPLICATE,
    /** Refusals of messages from no identified sender in one time window: the count, not one row each. */
    INBOUND_JUNK_COUNTED,
    PARTNER_ACCEPTED,
    PARTNER_REJECTED,
    RESPONSE_IGNORED,
    DOMESTIC_RESPONSE_RECORDED,
    DOMESTIC_RESPONSE_SENT,
    DOMESTIC_RESPONSE_FAILED,

    // a notice's lifecycle with partners (docs/lifecycle.md): the officer's request, each partner's exchange for it
    // (EXCHANGE_CREATED, then the delivery actions above), deliveries not yet sent cancelled, partners' requests applied
    NOTICE_WITHDRAWN,
    NOTICE_SUPERSEDED,
    DELETION_REQUESTED,
    CORRECTION_REQUESTED,
    /** A delivery not yet sent was cancelled because its notice was withdrawn or superseded. */
    EXCHANGE_CANCELLED_BY_LIFECYCLE,
    INBOUND_NOTICE_WITHDRAWN,
    INBOUND_NOTICE_SUPERSEDED,
    INBOUND_DELETION_REQUESTED,
    INBOUND_CORRECTION_REQUESTED,
    /** The domestic copy (data/domestic/) of an inbound notice was deleted at its sender's request. */
    DOMESTIC_COPY_DELETED,

    // operators
    OPERATOR_RESEND,
    OPERATOR_CANCEL,
    NOTICE_FORWARDED,
    ONWARD_TRANSFER_REFUSED,
    PARTNER_SUSPENDED,
    PARTNER_RESUMED,

    // archive housekeeping
    MESSAGE_PURGED,

    // auditors
    AUDIT_SEARCH,
    AUDIT_VERIFY,
    AUDIT_VERIFY_EXPORT,
    AUDIT_EXPORT_CSV,
    AUDIT_EXPORT_JSONL,
    AUDIT_EXPORT_CHECKPOINTS,
    AUDIT_REPORT_NOTICE,
    AUDIT_REPORT_PARTNER,
    AUDIT_ACCESS_DENIED,

    // access security (ca.passage.access): a refused request (401/403), a source throttled after repeated refusals
    ACCESS_DENIED,
    ACCESS_THROTTLED;

    /** The action that records an auditor's export in {@code format}. */
    public static AuditAction exportOf(AuditExport.Format format) {
        return switch (format) {
            case CSV -> AUDIT_EXPORT_CSV;
            case JSONL -> AUDIT_EXPORT_JSONL;
        };
    }
}
