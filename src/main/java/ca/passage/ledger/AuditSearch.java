package ca.passage.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Searches the audit events (read-only connection), oldest first, one page at a time. */
public final class AuditSearch {

    /** One page of results; {@code total} counts every match. */
    public record Page(List<LedgerRecord> items, int page, int size, long total) {
        public boolean hasNext() {
            return (long) page * size < total;
        }
    }

    private final DataSource dataSource;

    public AuditSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page search(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            where.append(" AND event_time >= ?");
            args.add(LedgerRows.toDb(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND event_time < ?");
            args.add(LedgerRows.toDb(q.to()));
        }
        eq(where, args, "partner_id", q.partnerId());
        eq(where, args, "notice_id", q.noticeId());
        eq(where, args, "exchange_id", q.exchangeId());
        eq(where, args, "actor", q.actor());
        eq(where, args, "action", q.action());
        eq(where, args, "outcome", q.outcome());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // read-only transaction (pgjdbc enforces read-only only inside one)
            c.setReadOnly(true);
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_event" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<LedgerRecord> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LedgerRows.COLUMNS + " FROM audit_event" + where
                    + " ORDER BY seq LIMIT ? OFFSET ?")) {
                int i = bind(ps, args);
                ps.setInt(i++, q.size());
                ps.setLong(i, (long) (q.page() - 1) * q.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(LedgerRows.read(rs));
                    }
                }
            }
            return new Page(items, q.page(), q.size(), total);
        } catch (SQLException e) {
            throw new LedgerException("audit search failed: " + e.getMessage(), e);
        }
    }

    private static void eq(StringBuilder where, List<Object> args, String col, String v) {
        if (v != null && !v.isEmpty()) {
            where.append(" AND ").append(col).append(" = ?");
            args.add(v);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }
}
