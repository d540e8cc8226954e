package ca.passage.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/** The chain in the database, read in one read-only repeatable-read transaction (a consistent snapshot). */
final class DbChainSource implements ChainSource {

    private final Connection c;
    private PreparedStatement stream;
    private ResultSet rows;

    DbChainSource(DataSource ds) throws SQLException {
        c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public Iterator<LedgerRecord> records() throws SQLException {
        stream = c.prepareStatement("SELECT " + LedgerRows.COLUMNS + " FROM audit_event ORDER BY seq");
        stream.setFetchSize(2000);
        rows = stream.executeQuery();
        return new Iterator<>() {
            Boolean has;

            @Override
            public boolean hasNext() {
                if (has == null) {
                    try {
                        has = rows.next();
                    } catch (SQLException e) {
                        throw new LedgerException("reading audit events failed: " + e.getMessage(), e);
                    }
                }
                return has;
            }

            @Override
            public LedgerRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                has = null;
                try {
                    return LedgerRows.read(rows);
                } catch (SQLException e) {
                    throw new LedgerException("reading audit events failed: " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public OptionalLong seqOfHash(String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM audit_event WHERE event_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
            }
        }
    }

    @Override
    public boolean hasSeq(long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM audit_event WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public long count() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Optional<LedgerRecord> recordedHead() throws SQLException {
        return LedgerRows.headIfPresent(c).map(h -> new LedgerRecord(h.seq(), null, null, h.hash()));
    }

    @Override
    public java.util.OptionalLong recordedLastCheckpointSeq() throws SQLException {
        return LedgerRows.headIfPresent(c).map(h -> java.util.OptionalLong.of(h.lastCheckpointSeq()))
                .orElse(java.util.OptionalLong.empty());
    }

    @Override
    public List<Checkpoint> checkpoints() throws SQLException {
        return LedgerRows.checkpoints(c);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (rows != null) {
                rows.close();
            }
            if (stream != null) {
                stream.close();
            }
            c.rollback();
        } finally {
            c.close();
        }
    }
}
