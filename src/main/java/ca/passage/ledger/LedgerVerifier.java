package ca.passage.ledger;

import ca.passage.ledger.VerificationResult.Kind;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Recomputes the audit chain and checks every checkpoint signature; names the first broken sequence number
 * and what is wrong there.
 *
 * <p>Classification, walking the records in stored order with the previous record's hash {@code prev}:
 * <ul>
 * <li>a record past the recorded chain head → INSERTED;</li>
 * <li>a gap in the sequence numbers → MISSING (or REORDERED when the expected number comes later);
 *     a number seen before → INSERTED;</li>
 * <li>a record whose hash does not recompute → INSERTED when the next record links past it to
 *     {@code prev}, otherwise ALTERED;</li>
 * <li>a record that recomputes but does not link to {@code prev}: its predecessor's hash belongs to a
 *     later record → REORDERED; to an earlier one → the records in between are INSERTED; to none → MISSING
 *     when fewer records remain than the chain head recorded, else the previous record was ALTERED
 *     (rewritten with a fresh hash);</li>
 * <li>a checkpoint whose signature fails → BAD_CHECKPOINT_SIGNATURE; whose hash differs from the record at
 *     its sequence number → ALTERED (the chain was rewritten up to there);</li>
 * <li>checkpoints or a recorded head beyond the last record → TRUNCATED after the last matching checkpoint;</li>
 * <li>with a cadence ({@link CheckpointPolicy}): more than {@code everyEvents} events in a row without a
 *     checkpoint, uncovered events spanning more than twice {@code maxAge} (the slack allows for callers' event
 *     times and clocks), or no checkpoint where the chain head row records the last one → MISSING_CHECKPOINT,
 *     naming the uncovered range.</li>
 * </ul>
 */
public final class LedgerVerifier {

    private final CheckpointSigner keys;
    private final CheckpointPolicy cadence;

    /**
     * {@code keys} verifies checkpoint signatures (a verify-only signer from the ledger certificates is enough);
     * the chain is held to the default checkpoint cadence, the one the gateway's ledger signs with.
     */
    public LedgerVerifier(CheckpointSigner keys) {
        this(keys, CheckpointPolicy.DEFAULT);
    }

    /** {@code cadence} null checks signatures only, not that checkpoints are where the cadence puts them. */
    public LedgerVerifier(CheckpointSigner keys, CheckpointPolicy cadence) {
        this.keys = keys;
        this.cadence = cadence;
    }

    /** Verifies the chain in the database (one consistent snapshot) against its own checkpoints. */
    public VerificationResult verify(DataSource ds) {
        return verify(ds, List.of());
    }

    /** Verifies the database chain against its checkpoints and those from an exported checkpoint file. */
    public VerificationResult verify(DataSource ds, List<Checkpoint> external) {
        try (DbChainSource src = new DbChainSource(ds)) {
            return run(src, external);
        } catch (LedgerException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException("verifying the audit chain failed: " + e.getMessage(), e);
        }
    }

    /** Verifies an export file (JSON Lines or CSV) on its own, with the checkpoints it carries. */
    public VerificationResult verifyExport(Path file) {
        return verifyExport(file, List.of());
    }

    public VerificationResult verifyExport(Path file, List<Checkpoint> external) {
        try (ChainSource src = AuditExport.open(file)) {
            return run(src, external);
        } catch (LedgerException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException("verifying export " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    VerificationResult run(ChainSource src, List<Checkpoint> external) throws Exception {
        TreeMap<Long, List<Checkpoint>> cps = new TreeMap<>();
        for (Checkpoint cp : src.checkpoints()) {
            cps.computeIfAbsent(cp.seq(), k -> new ArrayList<>()).add(cp);
        }
        for (Checkpoint cp : external) {
            cps.computeIfAbsent(cp.seq(), k -> new ArrayList<>()).add(cp);
        }
        Optional<LedgerRecord> head = src.recordedHead();
        long headSeq = head.map(LedgerRecord::seq).orElse(-1L);

        String prev = ChainHash.GENESIS;
        long expected = 1;
        long events = 0;
        long lastGoodCheckpoint = 0;
        java.time.Instant firstUncoveredAt = null;
        int verified = 0;
        Iterator<LedgerRecord> it = src.records();
        LedgerRecord next = it.hasNext() ? it.next() : null;
        while (next != null) {
            LedgerRecord r = next;
            next = it.hasNext() ? it.next() : null;
            events++;
            long seq = r.seq();
            if (headSeq >= 0 && seq > headSeq) {
                return broken(Kind.INSERTED, seq, lastGoodCheckpoint,
                        "event beyond the recorded chain head seq " + headSeq, events, verified);
            }
            if (seq > expected) {
                if (src.hasSeq(expected)) {
                    return broken(Kind.REORDERED, expected, lastGoodCheckpoint,
                            "seq " + seq + " stored where seq " + expected + " belongs", events, verified);
                }
                return broken(Kind.MISSING, expected, lastGoodCheckpoint,
                        "no event with seq " + expected + (seq - expected > 1 ? ".." + (seq - 1) : "")
                                + "; next is seq " + seq, events, verified);
            }
            if (seq < expected) {
                return broken(Kind.INSERTED, seq, lastGoodCheckpoint,
                        "a second event with seq " + seq + " or one out of order", events, verified);
            }
            if (!ChainHash.hash(r.prevHash(), r.event()).equals(r.hash())) {
                if (next != null && next.seq() == seq + 1 && next.prevHash().equals(prev)) {
                    return broken(Kind.INSERTED, seq, lastGoodCheckpoint,
                            "event not in the chain: seq " + (seq + 1) + " links to seq " + (seq - 1), events,
                            verified);
                }
                return broken(Kind.ALTERED, seq, lastGoodCheckpoint,
                        "content does not match its hash", events, verified);
            }
            if (!r.prevHash().equals(prev)) {
                OptionalLong at = src.seqOfHash(r.prevHash());
                if (at.isPresent() && at.getAsLong() > seq) {
                    return broken(Kind.REORDERED, seq, lastGoodCheckpoint,
                            "this event was chained after seq " + at.getAsLong(), events, verified);
                }
                if (at.isPresent() && at.getAsLong() < seq - 1) {
                    return broken(Kind.INSERTED, at.getAsLong() + 1, lastGoodCheckpoint,
                            "seq " + seq + " links to seq " + at.getAsLong() + "; the events between are not in the chain",
                            events, verified);
                }
                if (headSeq >= 0 && src.count() < headSeq) {
                    return broken(Kind.MISSING, seq, lastGoodCheckpoint,
                            "the event this one was chained to is gone; " + src.count() + " events stored, chain head "
                                    + "recorded " + headSeq, events, verified);
                }
                return broken(Kind.ALTERED, seq - 1, lastGoodCheckpoint,
                        "seq " + seq + " was chained to a different seq " + (seq - 1), events, verified);
            }
            List<Checkpoint> here = cps.remove(seq);
            if (here != null) {
                for (Checkpoint cp : here) {
                    String problem = keys.problemWith(cp);
                    if (problem != null) {
                        return broken(Kind.BAD_CHECKPOINT_SIGNATURE, seq, lastGoodCheckpoint, problem, events,
                                verified);
                    }
                    verified++;
                    if (!cp.headHash().equals(r.hash())) {
                        return broken(Kind.ALTERED, seq, lastGoodCheckpoint,
                                "chain rewritten: hash differs from the signed checkpoint (after checkpoint "
                                        + lastGoodCheckpoint + ")", events, verified);
                    }
                }
                lastGoodCheckpoint = seq;
                firstUncoveredAt = null;
            } else if (cadence != null) {
                if (firstUncoveredAt == null) {
                    firstUncoveredAt = r.event().time();
                }
                String gap = cadenceGap(seq, lastGoodCheckpoint, firstUncoveredAt, r.event().time());
                if (gap != null) {
                    Long resumes = cps.ceilingKey(seq);
                    String range = "seq " + (lastGoodCheckpoint + 1) + ".."
                            + (resumes == null ? "the last event" : Long.toString(resumes - 1));
                    return broken(Kind.MISSING_CHECKPOINT, lastGoodCheckpoint + 1, lastGoodCheckpoint,
                            "no checkpoint covers " + range + ": " + gap, events, verified);
                }
            }
            prev = r.hash();
            expected++;
        }
        long last = expected - 1;
        if (cadence != null) {
            OptionalLong recorded = src.recordedLastCheckpointSeq();
            if (recorded.isPresent() && recorded.getAsLong() > lastGoodCheckpoint && recorded.getAsLong() <= last
                    && !cps.containsKey(recorded.getAsLong())) {
                return broken(Kind.MISSING_CHECKPOINT, lastGoodCheckpoint + 1, lastGoodCheckpoint,
                        "no checkpoint covers seq " + (lastGoodCheckpoint + 1) + ".." + recorded.getAsLong()
                                + ": the chain head records a checkpoint at seq " + recorded.getAsLong()
                                + " and it is gone", events, verified);
            }
        }
        for (Map.Entry<Long, List<Checkpoint>> e : cps.entrySet()) {
            for (Checkpoint cp : e.getValue()) {
                String problem = keys.problemWith(cp);
                if (problem != null) {
                    return broken(Kind.BAD_CHECKPOINT_SIGNATURE, e.getKey(), lastGoodCheckpoint, problem, events,
                            verified);
                }
            }
        }
        if (!cps.isEmpty()) {
            return broken(Kind.TRUNCATED, last + 1, lastGoodCheckpoint,
                    "checkpoint at seq " + cps.lastKey() + " signs events that are gone; last event is seq " + last,
                    events, verified);
        }
        if (head.isPresent()) {
            if (headSeq > last) {
                return broken(Kind.TRUNCATED, last + 1, lastGoodCheckpoint,
                        "chain head records seq " + headSeq + "; last event is seq " + last, events, verified);
            }
            if (!head.get().hash().equals(prev)) {
                return broken(Kind.ALTERED, last, lastGoodCheckpoint,
                        "last event's hash differs from the recorded chain head", events, verified);
            }
        }
        return new VerificationResult(Kind.INTACT, -1, lastGoodCheckpoint, "intact", events, verified, last, prev);
    }

    /** Why the events since the last checkpoint break the cadence, or null while they do not. */
    private String cadenceGap(long seq, long lastCheckpoint, java.time.Instant firstUncoveredAt,
                              java.time.Instant eventAt) {
        if (seq - lastCheckpoint > cadence.everyEvents()) {
            return "more than " + cadence.everyEvents() + " events without a checkpoint";
        }
        java.time.Duration maxAge = cadence.maxAge();
        if (maxAge != null && firstUncoveredAt != null && eventAt != null
                && java.time.Duration.between(firstUncoveredAt, eventAt).compareTo(maxAge.multipliedBy(2)) > 0) {
            return "events spanning more than twice the checkpoint interval " + maxAge + " without a checkpoint";
        }
        return null;
    }

    private static VerificationResult broken(Kind kind, long seq, long afterCheckpoint, String detail, long events,
                                             int verified) {
        return VerificationResult.broken(kind, seq, afterCheckpoint, detail, events, verified);
    }
}
