package ca.passage.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL shared by the ledger classes: columns, row mapping, chain head and checkpoints. */
final class LedgerRows {

    static final String COLUMNS = "seq, event_time, actor, action, notice_id, exchange_id, message_id, partner_id, "
            + "legal_basis, handling_code, digest, outcome, error_code, prev_hash, event_hash";

    static final String INSERT = "INSERT INTO audit_event (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private LedgerRows() {
    }

    /**
     * The chain head row. {@code uncoveredSince} (column {@code last_checkpoint_at}) is the event time of the first
     * event no checkpoint covers yet, null when the head is checkpointed: the start of the time-based interval.
     */
    record Head(long seq, String hash, long lastCheckpointSeq, Instant uncoveredSince) {
    }

    static void bindInsert(PreparedStatement ps, long seq, AuditEvent e, String prev, String hash) throws SQLException {
        ps.setLong(1, seq);
        ps.setObject(2, toDb(e.time()));
        ps.setString(3, e.actor());
        ps.setString(4, e.action());
        ps.setString(5, e.noticeId());
        ps.setString(6, e.exchangeId());
        ps.setString(7, e.messageId());
        ps.setString(8, e.partnerId());
        ps.setString(9, e.legalBasis());
        ps.setString(10, e.handlingCode());
        ps.setString(11, e.digest());
        ps.setString(12, e.outcome());
        ps.setString(13, e.errorCode());
        ps.setString(14, prev);
        ps.setString(15, hash);
    }

    static LedgerRecord read(ResultSet rs) throws SQLException {
        AuditEvent e = new AuditEvent(fromDb(rs.getObject(2, OffsetDateTime.class)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
        return new LedgerRecord(rs.getLong(1), e, rs.getString(14), rs.getString(15));
    }

    static OffsetDateTime toDb(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant fromDb(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static Head head(Connection c, boolean forUpdate) throws SQLException {
        String sql = "SELECT head_seq, head_hash, last_checkpoint_seq, last_checkpoint_at FROM audit_chain_head "
                + "WHERE id = 1" + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new LedgerException("audit chain head row is missing (id = 1)");
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3),
                    fromDb(rs.getObject(4, OffsetDateTime.class)));
        }
    }

    static Optional<Head> headIfPresent(Connection c) throws SQLException {
        try {
            return Optional.of(head(c, false));
        } catch (LedgerException missing) {
            return Optional.empty();
        }
    }

    static List<Checkpoint> checkpoints(Connection c) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, head_hash, signed_at, algorithm, key_id, signature FROM audit_checkpoint ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Checkpoint(rs.getLong(1), rs.getString(2), fromDb(rs.getObject(3, OffsetDateTime.class)),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    static void insertCheckpoint(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint "
                + "(seq, head_hash, signed_at, algorithm, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, cp.seq());
            ps.setString(2, cp.headHash());
            ps.setObject(3, toDb(cp.signedAt()));
            ps.setString(4, cp.algorithm());
            ps.setString(5, cp.keyId());
            ps.setString(6, cp.signature());
            ps.executeUpdate();
        }
    }
}
