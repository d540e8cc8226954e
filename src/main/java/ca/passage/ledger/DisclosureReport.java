package ca.passage.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What was disclosed to whom: for one notice, or one partner and period, every outbound exchange with its
 * partner, state, time sent, legal basis and handling code (as sent: the partner's agreement reference, legal basis
 * and the domestic disclosure authority from the {@code MESSAGE_SENT} audit event; the notice's own before it is sent), who approved the notice, the digest of what was
 * sent, and whether the partner acknowledged it. Read from the exchange store (tables {@code notice},
 * {@code exchange}) on a read-only connection.
 */
public final class DisclosureReport {

    /** Values of {@code exchange.direction} that mean "sent from Canada to the partner". */
    public static final Set<String> DEFAULT_OUTBOUND = Set.of("OUT", "OUTBOUND");

    public record Disclosure(String noticeId, String exchangeId, String messageId, String partnerId, String state,
                             Instant sentAt, String legalBasis, String handlingCode, String approvedBy,
                             Instant approvedAt, String sentDigest, boolean acknowledged, Instant closedAt) {
        public boolean disclosed() {
            return sentAt != null;
        }
    }

    public record Report(String scope, Instant from, Instant to, List<Disclosure> disclosures) {

        /** Human-readable table, one line per exchange. */
        public String toText() {
            StringBuilder sb = new StringBuilder("Disclosure report: ").append(scope).append('\n');
            sb.append(String.format(Locale.ROOT, "%-14s %-14s %-10s %-13s %-27s %-4s %-12s %-4s %s%n", "notice",
                    "exchange", "partner", "state", "sent", "hcode", "approved_by", "ack", "legal_basis"));
            for (Disclosure d : disclosures) {
                sb.append(String.format(Locale.ROOT, "%-14s %-14s %-10s %-13s %-27s %-4s %-12s %-4s %s%n",
                        d.noticeId(), d.exchangeId(), d.partnerId(), d.state(),
                        d.sentAt() == null ? "not sent" : d.sentAt().toString(), d.handlingCode(),
                        d.approvedBy() == null ? "-" : d.approvedBy(), d.acknowledged() ? "yes" : "no",
                        d.legalBasis()));
            }
            sb.append(disclosures.stream().filter(Disclosure::disclosed).count()).append(" disclosed, ")
                    .append(disclosures.stream().filter(Disclosure::acknowledged).count()).append(" acknowledged\n");
            return sb.toString();
        }
    }

    private static final String SELECT = "SELECT n.notice_id, x.exchange_id, x.message_id, x.partner_id, x.state, "
            + "x.sent_at, COALESCE((SELECT MAX(a.legal_basis) FROM audit_event a WHERE a.exchange_id = x.exchange_id "
            + "AND a.action = 'MESSAGE_SENT'), n.legal_basis), COALESCE((SELECT MAX(a.handling_code) FROM audit_event a "
            + "WHERE a.exchange_id = x.exchange_id AND a.action = 'MESSAGE_SENT'), n.handling_code), "
            + "n.approved_by, n.approved_at, x.sent_digest, x.closed_at "
            + "FROM exchange x JOIN notice n ON n.notice_id = x.notice_id WHERE UPPER(x.direction) IN (";

    private final DataSource dataSource;
    private final Set<String> outbound;

    public DisclosureReport(DataSource dataSource) {
        this(dataSource, DEFAULT_OUTBOUND);
    }

    public DisclosureReport(DataSource dataSource, Set<String> outboundDirections) {
        this.dataSource = dataSource;
        this.outbound = Set.copyOf(outboundDirections.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    }

    /** Every outbound exchange of one notice, sent or not. */
    public Report forNotice(String noticeId) {
        List<Disclosure> rows = query(" AND n.notice_id = ? ORDER BY x.sent_at, x.exchange_id", noticeId);
        return new Report("notice " + noticeId, null, null, rows);
    }

    /** What was sent to one partner in {@code [from, to)}. */
    public Report forPartner(String partnerId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        List<Disclosure> rows = query(" AND x.partner_id = ? AND x.sent_at >= ? AND x.sent_at < ? "
                + "ORDER BY x.sent_at, x.exchange_id", partnerId, LedgerRows.toDb(from), LedgerRows.toDb(to));
        return new Report("partner " + partnerId + " from " + from + " to " + to, from, to, rows);
    }

    private List<Disclosure> query(String tail, Object... args) {
        String in = String.join(", ", outbound.stream().map(s -> "?").toList());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // read-only transaction (pgjdbc enforces read-only only inside one)
            c.setReadOnly(true);
            // only exchanges that carry a notice disclose it; a withdrawal or deletion request carries codes only
            try (PreparedStatement ps = c.prepareStatement(SELECT + in + ") AND x.kind IN ('NOTICE', 'UPDATE')" + tail)) {
                int i = 1;
                for (String d : outbound) {
                    ps.setString(i++, d);
                }
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                List<Disclosure> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String state = rs.getString(5);
                        out.add(new Disclosure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                state, time(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), time(rs, 10),
                                rs.getString(11), "ACKNOWLEDGED".equals(state), time(rs, 12)));
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new LedgerException("disclosure report failed: " + e.getMessage(), e);
        }
    }

    private static Instant time(ResultSet rs, int col) throws SQLException {
        return LedgerRows.fromDb(rs.getObject(col, OffsetDateTime.class));
    }
}
