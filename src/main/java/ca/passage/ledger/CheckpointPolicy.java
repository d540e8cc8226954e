package ca.passage.ledger;

import java.time.Duration;

/**
 * When the ledger signs a checkpoint: after {@code everyEvents} events since the last one, or at the first event
 * whose time is {@code maxAge} or more after the first event not yet covered, or when {@link AuditLedger#checkpointIfDue()} finds
 * it so (the gateway's {@code audit-checkpoint} timer route calls it, covering idle periods); always on {@link AuditLedger#checkpointNow()} and {@link AuditLedger#close()}.
 * {@code maxAge} may be null (count only). {@link LedgerVerifier} holds a chain to the same cadence
 * (MISSING_CHECKPOINT), with a slack of twice {@code maxAge} for the time-based part.
 */
public record CheckpointPolicy(int everyEvents, Duration maxAge) {

    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(1000, Duration.ofMinutes(5));

    public CheckpointPolicy {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("everyEvents must be at least 1");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    public static CheckpointPolicy everyEvents(int n) {
        return new CheckpointPolicy(n, null);
    }
}
