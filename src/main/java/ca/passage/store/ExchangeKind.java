package ca.passage.store;

/**
 * What an exchange carries, stored as its name in {@code exchange.kind}. Every kind goes through the same states
 * ({@link ExchangeState}) and the same delivery engine; only what is sealed differs. Add kinds, never rename them.
 */
public enum ExchangeKind {
    /** A notice, the first version a partner receives of it. */
    NOTICE,
    /** A full new version of a notice that supersedes the one the exchange's {@code refMessageId} carried. */
    UPDATE,
    /** The notice the referenced message carried is withdrawn (person located, warrant withdrawn...). */
    WITHDRAWAL,
    /** The partner is asked to delete what the referenced message carried. */
    DELETION_REQUEST,
    /** The partner is asked to correct what the referenced message carried (the corrected version follows as an UPDATE). */
    CORRECTION_REQUEST;

    /** True for the kinds that carry a whole notice in the partner's format; the others carry a lifecycle request. */
    public boolean carriesNotice() {
        return this == NOTICE || this == UPDATE;
    }
}
