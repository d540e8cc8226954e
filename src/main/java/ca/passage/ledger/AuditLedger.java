package ca.passage.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident audit ledger: a hash chain of {@link AuditEvent}s with signed checkpoints.
 *
 * <p>Appends are serialised through the single row of {@code audit_chain_head}, locked with
 * {@code SELECT ... FOR UPDATE}: any number of gateway nodes on one PostgreSQL (or threads on one H2)
 * produce one chain. The lock is held until the appending transaction ends, so callers that append inside
 * their own transaction should commit promptly.
 *
 * <p>The ledger starts no thread of its own: a checkpoint is signed at append when due, on
 * {@link #checkpointNow()}, on {@link #close()}, and when a scheduler calls {@link #checkpointIfDue()} (in the
 * gateway, the {@code audit-checkpoint} route in {@code routes/audit.camel.yaml}), which covers idle periods.
 */
public final class AuditLedger implements AutoCloseable {

    private final DataSource dataSource;
    private final Clock clock;
    private final CheckpointSigner signer;
    private final CheckpointPolicy policy;
    private volatile boolean closed;

    public AuditLedger(DataSource dataSource, Clock clock, CheckpointSigner signer) {
        this(dataSource, clock, signer, CheckpointPolicy.DEFAULT);
    }

    public AuditLedger(DataSource dataSource, Clock clock, CheckpointSigner signer, CheckpointPolicy policy) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.signer = signer;
        this.policy = policy;
    }

    public CheckpointPolicy policy() {
        return policy;
    }

    /**
     * Appends {@code e} inside the caller's open transaction ({@code tx.getAutoCommit()} must be false): the
     * caller commits, so the state change and its audit event commit or roll back together. Returns the
     * event's sequence number. A null event time is stamped with the ledger's clock.
     */
    public long append(Connection tx, AuditEvent e) throws SQLException {
        return appendAll(tx, List.of(e));
    }

    /**
     * Appends {@code events}, in order, inside the caller's open transaction, as {@link #append(Connection,
     * AuditEvent)} does for one: the chain head is locked and read once and written once, and the events are
     * inserted in one batch (one round trip on PostgreSQL), instead of a lock, a read and a write per event.
     * Returns the sequence number of the last event; nothing is locked or written, and the head's sequence number is
     * not read, when {@code events} is empty (returns 0 then).
     */
    public long appendAll(Connection tx, List<AuditEvent> events) throws SQLException {
        if (closed) {
            throw new IllegalStateException("audit ledger is closed");
        }
        if (tx.getAutoCommit()) {
            throw new IllegalStateException("append(Connection, ...) needs an open transaction (autoCommit off)");
        }
        if (tx.isReadOnly()) {
            throw new IllegalStateException("append on a read-only connection");
        }
        if (events.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        LedgerRows.Head head = LedgerRows.head(tx, true);
        long seq = head.seq();
        String hash = head.hash();
        long lastCkSeq = head.lastCheckpointSeq();
        Instant uncoveredSince = head.uncoveredSince();
        // checkpoints are inserted after the events they sign, so a checkpoint row never precedes its event
        List<Checkpoint> checkpoints = new ArrayList<>(1);
        try (PreparedStatement ps = tx.prepareStatement(LedgerRows.INSERT)) {
            for (AuditEvent e : events) {
                AuditEvent event = e.time() == null ? e.withTime(now) : e;
                String prev = hash;
                seq++;
                hash = ChainHash.hash(prev, event);
                LedgerRows.bindInsert(ps, seq, event, prev, hash);
                ps.addBatch();
                // the time-based interval runs from the first event no checkpoint covers, measured in event times: the
                // same rule LedgerVerifier holds the chain to, so a verifier can tell where a checkpoint must be
                if (uncoveredSince == null) {
                    uncoveredSince = event.time();
                }
                if (signer.canSign() && checkpointDue(seq, lastCkSeq, uncoveredSince, event.time())) {
                    checkpoints.add(signer.sign(seq, hash, now));
                    lastCkSeq = seq;
                    uncoveredSince = null;
                }
            }
            ps.executeBatch();
        }
        for (Checkpoint cp : checkpoints) {
            LedgerRows.insertCheckpoint(tx, cp);
        }
        try (PreparedStatement ps = tx.prepareStatement("UPDATE audit_chain_head SET head_seq = ?, head_hash = ?, "
                + "last_checkpoint_seq = ?, last_checkpoint_at = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            ps.setLong(3, lastCkSeq);
            if (uncoveredSince == null) {
                ps.setNull(4, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(4, LedgerRows.toDb(uncoveredSince));
            }
            ps.executeUpdate();
        }
        return seq;
    }

    private boolean checkpointDue(long seq, long lastCkSeq, Instant uncoveredSince, Instant eventTime) {
        if (seq - lastCkSeq >= policy.everyEvents()) {
            return true;
        }
        Duration maxAge = policy.maxAge();
        return maxAge != null && Duration.between(uncoveredSince, eventTime).compareTo(maxAge) >= 0;
    }

    /** Appends {@code e} in a transaction of its own. */
    public long append(AuditEvent e) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq = append(c, e);
                c.commit();
                return seq;
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new LedgerException("audit append failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Signs the current chain head now, if events were appended since the last checkpoint. Returns the new
     * checkpoint, or empty when there was nothing new to sign or this ledger has no private key.
     */
    public Optional<Checkpoint> checkpointNow() {
        if (!signer.canSign()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LedgerRows.Head head = LedgerRows.head(c, true);
                if (head.seq() <= head.lastCheckpointSeq()) {
                    c.rollback();
                    return Optional.empty();
                }
                Instant now = clock.instant();
                Checkpoint cp = signer.sign(head.seq(), head.hash(), now);
                LedgerRows.insertCheckpoint(c, cp);
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_chain_head SET last_checkpoint_seq = ?, "
                        + "last_checkpoint_at = NULL WHERE id = 1")) {
                    ps.setLong(1, cp.seq());
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(cp);
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new LedgerException("audit checkpoint failed: " + ex.getMessage(), ex);
        }
    }

    /**
     * Signs the chain head if a time-based checkpoint is due: events were appended since the last checkpoint
     * and it is at least {@code maxAge} old (or there is none yet). Cheap when nothing is due (one read of the
     * head row, no lock). Returns the new checkpoint, or empty when none was due, the policy is count-only or
     * this ledger cannot sign.
     */
    public Optional<Checkpoint> checkpointIfDue() {
        if (closed || policy.maxAge() == null || !signer.canSign()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            LedgerRows.Head head = LedgerRows.head(c, false);
            if (head.seq() <= head.lastCheckpointSeq() || head.uncoveredSince() != null
                    && Duration.between(head.uncoveredSince(), clock.instant()).compareTo(policy.maxAge()) < 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("reading the audit chain head failed: " + e.getMessage(), e);
        }
        return checkpointNow();
    }

    /** The chain head: sequence number and hash of the last event (0 and {@link ChainHash#GENESIS} when empty). */
    public LedgerRecord head() {
        try (Connection c = dataSource.getConnection()) {
            LedgerRows.Head h = LedgerRows.head(c, false);
            return new LedgerRecord(h.seq(), null, null, h.hash());
        } catch (SQLException e) {
            throw new LedgerException("reading the audit chain head failed: " + e.getMessage(), e);
        }
    }

    public List<Checkpoint> checkpoints() {
        try (Connection c = dataSource.getConnection()) {
            return LedgerRows.checkpoints(c);
        } catch (SQLException e) {
            throw new LedgerException("reading checkpoints failed: " + e.getMessage(), e);
        }
    }

    /** Signs a final checkpoint over the head (shutdown); appends are refused afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            checkpointNow();
        } finally {
            closed = true;
        }
    }
}
