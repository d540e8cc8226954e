package ca.passage.access;

/** What a person may do at the gateway; granted by the IdP (a token claim) or the PKI (certificate OU). */
public enum Role {
    /** Submits notices, follows them, forwards and answers partners' notices. */
    OFFICER,
    /** Approves or rejects notices held for a second pair of eyes (never one they submitted). */
    SUPERVISOR,
    /** Resends and cancels exchanges, suspends and resumes partners, reads partner status. */
    OPERATOR,
    /** Reads, verifies and exports the audit ledger and the disclosure reports; read-only. */
    AUDITOR,
    /** Keys and configuration. */
    ADMIN
}
