package ca.passage.ledger;

/**
 * The outcome of verifying the audit chain. When broken, {@code firstBrokenSeq} is the first sequence
 * number where the chain is wrong and {@code kind} says what is wrong there; for {@link Kind#TRUNCATED},
 * {@code afterCheckpoint} is the last checkpoint that still matches the chain (0 for none).
 */
public record VerificationResult(Kind kind, long firstBrokenSeq, long afterCheckpoint, String detail, long events,
                                 int checkpointsVerified, long headSeq, String headHash) {

    public enum Kind {
        INTACT,
        /** The event's content (or its hash) differs from what was chained. */
        ALTERED,
        /** An event is absent from the chain (a gap, or a removed event). */
        MISSING,
        /** An event is present that the chain never contained. */
        INSERTED,
        /** Events are out of the chained order. */
        REORDERED,
        /** Events signed by a checkpoint (or recorded by the chain head) are gone from the tail. */
        TRUNCATED,
        /** A checkpoint's signature does not verify with the ledger key its key id names (or names no known key). */
        BAD_CHECKPOINT_SIGNATURE,
        /**
         * Events the checkpoint cadence should have covered carry no checkpoint (deleted checkpoints, or a chain
         * rebuilt without the ledger key); {@code firstBrokenSeq} starts the uncovered range.
         */
        MISSING_CHECKPOINT
    }

    public boolean intact() {
        return kind == Kind.INTACT;
    }

    static VerificationResult broken(Kind kind, long seq, long afterCheckpoint, String detail, long events,
                                     int checkpoints) {
        return new VerificationResult(kind, seq, afterCheckpoint, detail, events, checkpoints, -1, null);
    }

    /** One line for people and scripts. */
    public String summary() {
        if (intact()) {
            return "audit chain intact: " + events + " events, head seq " + headSeq + " hash "
                    + (headHash == null ? "-" : headHash.substring(0, Math.min(16, headHash.length())))
                    + ", " + checkpointsVerified + " checkpoint signatures verified";
        }
        String what = kind == Kind.TRUNCATED ? "TRUNCATED after checkpoint " + afterCheckpoint : kind.name();
        return "audit chain BROKEN at seq " + firstBrokenSeq + ": " + what + " (" + detail + ")";
    }
}
