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
    NOTICE_REJECTED,

    // outbound delivery
    DELIVERY_ATTEMPT,
    POLICY_APPLIED,
    MESSAGE_SENT,
    RECEIPT_ACCEPTED,
    RECEIPT_IGNORED,
    ACK_OVERDUE,
    EXCHANGE_FAILED,

    // inbound
    INBOUND_NOTICE_RECEIVED,
    INBOUND_REFUSED,
    PARTNER_ACCEPTED,
    PARTNER_REJECTED,
    RESPONSE_IGNORED,
    DOMESTIC_RESPONSE_RECORDED,
    DOMESTIC_RESPONSE_SENT,
    DOMESTIC_RESPONSE_FAILED,

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
    AUDIT_ACCESS_DENIED;

    /** The action that records an auditor's export in {@code format}. */
    public static AuditAction exportOf(AuditExport.Format format) {
        return switch (format) {
            case CSV -> AUDIT_EXPORT_CSV;
            case JSONL -> AUDIT_EXPORT_JSONL;
        };
    }
}
