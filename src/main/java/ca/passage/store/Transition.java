package ca.passage.store;

import ca.passage.ledger.AuditEvent;

import java.util.EnumSet;
import java.util.Set;

/**
 * One guarded state change of an exchange and the audit event it writes.
 *
 * @param countAttempt  true for a delivery attempt (increments the attempt counter)
 * @param lastError     the reason kept for operators, or null
 * @param sentDigest    SHA-256 of the bytes put on the wire (sets sent_at), or null
 * @param receiptDigest SHA-256 of the partner's receipt, or null
 */
public record Transition(String exchangeId, Set<ExchangeState> from, ExchangeState to, boolean countAttempt,
                         String lastError, String sentDigest, String receiptDigest, AuditEvent audit) {

    public Transition {
        from = EnumSet.copyOf(from);
    }

    public static Transition of(String exchangeId, Set<ExchangeState> from, ExchangeState to, AuditEvent audit) {
        return new Transition(exchangeId, from, to, false, null, null, null, audit);
    }

    public Transition countingAttempt() {
        return new Transition(exchangeId, from, to, true, lastError, sentDigest, receiptDigest, audit);
    }

    public Transition withError(String error) {
        return new Transition(exchangeId, from, to, countAttempt, error, sentDigest, receiptDigest, audit);
    }

    public Transition withSentDigest(String digest) {
        return new Transition(exchangeId, from, to, countAttempt, lastError, digest, receiptDigest, audit);
    }

    public Transition withReceiptDigest(String digest) {
        return new Transition(exchangeId, from, to, countAttempt, lastError, sentDigest, digest, audit);
    }
}
