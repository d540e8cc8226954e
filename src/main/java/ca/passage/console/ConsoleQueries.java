package ca.passage.console;

import ca.passage.store.Jdbc;
import ca.passage.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the console's pages list, read from the store and the ledger: ids, states, times and codes only (the same
 * columns the REST API returns), never a notice's content. Every write goes through the REST API's beans instead.
 */
public final class ConsoleQueries {

    /** One notice in a list: its id, when, and each partner's exchange. */
    public record NoticeRow(String noticeId, String submittedBy, Instant receivedAt, String approvalState,
                            List<ExchangeRow> exchanges) {
    }

    /** One exchange in a list. {@code note} is its hold reason or last error. */
    public record ExchangeRow(String exchangeId, String partnerId, String state, int attempts, String note,
                              Instant createdAt, Instant sentAt, Instant closedAt) {
        /** Intake to close, in milliseconds, once closed. */
        public Long roundTripMillis() {
            return closedAt == null ? null : closedAt.toEpochMilli() - createdAt.toEpochMilli();
        }
    }

    /** One ledger event of an exchange's history. */
    public record TimelineEvent(long seq, Instant time, String actor, String action, String outcome, String errorCode,
                                String digest) {
    }

    /** One partner's delivery figures. */
    public record PartnerFigures(Instant lastSuccess, int failed, int queued, int overdue) {
    }

    /** One chart's data: x labels (days), and one series of values per name. */
    public record Series(List<String> days, Map<String, List<Double>> values) {
    }

    /** The most recent signed checkpoint, if any. */
    public record LastCheckpoint(long seq, Instant signedAt, String keyId) {
    }

    private final DataSource dataSource;

    public ConsoleQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest Canadian notices {@code actor} submitted (the intake records actors as {@code officer:<name>}). */
    public List<NoticeRow> noticesSubmittedBy(String actor, int limit) {
        return notices("SELECT notice_id, submitted_by, received_at, approval_state FROM notice "
                + "WHERE submitted_by = ? AND origin_partner IS NULL ORDER BY received_at DESC", limit, actor);
    }

    /** Notices with an exchange held for a supervisor, oldest first. */
    public List<NoticeRow> heldNotices(int limit) {
        return notices("SELECT notice_id, submitted_by, received_at, approval_state FROM notice n WHERE EXISTS "
                + "(SELECT 1 FROM exchange e WHERE e.notice_id = n.notice_id AND e.state = 'PENDING_APPROVAL') "
                + "ORDER BY received_at", limit);
    }

    /** The latest notices of any origin (the operator's and supervisor's overview). */
    public List<NoticeRow> latestNotices(int limit) {
        return notices("SELECT notice_id, submitted_by, received_at, approval_state FROM notice "
                + "ORDER BY received_at DESC", limit);
    }

    private List<NoticeRow> notices(String sql, int limit, Object... args) {
        return read("list notices", c -> {
            List<NoticeRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new NoticeRow(rs.getString("notice_id"), rs.getString("submitted_by"),
                                Jdbc.instant(rs, "received_at"), rs.getString("approval_state"), List.of()));
                    }
                }
            }
            List<NoticeRow> withExchanges = new ArrayList<>();
            for (NoticeRow n : out) {
                withExchanges.add(new NoticeRow(n.noticeId(), n.submittedBy(), n.receivedAt(), n.approvalState(),
                        exchangesOf(c, n.noticeId())));
            }
            return withExchanges;
        });
    }

    public List<ExchangeRow> exchangesOf(String noticeId) {
        return read("list exchanges", c -> exchangesOf(c, noticeId));
    }

    private static List<ExchangeRow> exchangesOf(Connection c, String noticeId) throws SQLException {
        List<ExchangeRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT exchange_id, partner_id, state, attempts, last_error, "
                + "created_at, sent_at, closed_at FROM exchange WHERE notice_id = ? ORDER BY partner_id")) {
            ps.setString(1, noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExchangeRow(rs.getString("exchange_id"), rs.getString("partner_id"), rs.getString("state"),
                            rs.getInt("attempts"), rs.getString("last_error"), Jdbc.instant(rs, "created_at"),
                            Jdbc.instant(rs, "sent_at"), Jdbc.instant(rs, "closed_at")));
                }
            }
        }
        return out;
    }

    /** An exchange's ledger events, in chain order: states, attempts, receipts, errors. */
    public List<TimelineEvent> timeline(String exchangeId) {
        return read("read an exchange's timeline", c -> {
            List<TimelineEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_time, actor, action, outcome, error_code, "
                    + "digest FROM audit_event WHERE exchange_id = ? ORDER BY seq")) {
                ps.setString(1, exchangeId);
                ps.setMaxRows(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TimelineEvent(rs.getLong("seq"), Jdbc.instant(rs, "event_time"), rs.getString("actor"),
                                rs.getString("action"), rs.getString("outcome"), rs.getString("error_code"),
                                rs.getString("digest")));
                    }
                }
            }
            return out;
        });
    }

    /** Per partner: last acknowledgement, exchanges failed, queued (waiting in its queue or being sent), overdue. */
    public Map<String, PartnerFigures> partnerFigures() {
        return read("read partner figures", c -> {
            Map<String, PartnerFigures> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT partner_id, "
                    + "MAX(CASE WHEN state = 'ACKNOWLEDGED' THEN closed_at END) AS last_success, "
                    + "SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed, "
                    + "SUM(CASE WHEN state IN ('QUEUED', 'SENDING') THEN 1 ELSE 0 END) AS queued, "
                    + "SUM(CASE WHEN state = 'ACK_OVERDUE' THEN 1 ELSE 0 END) AS overdue "
                    + "FROM exchange WHERE direction = 'OUT' GROUP BY partner_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("partner_id"), new PartnerFigures(Jdbc.instant(rs, "last_success"),
                            rs.getInt("failed"), rs.getInt("queued"), rs.getInt("overdue")));
                }
            }
            return out;
        });
    }

    /** Exchanges created per day (UTC) since {@code from}, one series per partner and state. */
    public Series exchangesPerDay(Instant from) {
        return read("count exchanges per day", c -> {
            Map<String, Map<String, Double>> byKey = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT partner_id, state, created_at FROM exchange "
                    + "WHERE direction = 'OUT' AND created_at >= ?")) {
                ps.setObject(1, Jdbc.utc(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString("partner_id") + " " + rs.getString("state");
                        byKey.computeIfAbsent(key, k -> new TreeMap<>())
                                .merge(day(Jdbc.instant(rs, "created_at")), 1.0, Double::sum);
                    }
                }
            }
            return series(from, byKey, 0.0);
        });
    }

    /** Intake to ACKNOWLEDGED, in seconds, per day: the 50th, 90th and 99th percentiles. */
    public Series acknowledgementLatency(Instant from) {
        return read("measure acknowledgement latency", c -> {
            Map<String, List<Double>> perDay = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, closed_at FROM exchange "
                    + "WHERE direction = 'OUT' AND state = 'ACKNOWLEDGED' AND closed_at IS NOT NULL AND created_at >= ?")) {
                ps.setObject(1, Jdbc.utc(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant created = Jdbc.instant(rs, "created_at");
                        double seconds = (Jdbc.instant(rs, "closed_at").toEpochMilli() - created.toEpochMilli()) / 1000.0;
                        perDay.computeIfAbsent(day(created), d -> new ArrayList<>()).add(seconds);
                    }
                }
            }
            Map<String, Map<String, Double>> byKey = new LinkedHashMap<>();
            for (int p : new int[] {50, 90, 99}) {
                Map<String, Double> values = new TreeMap<>();
                perDay.forEach((d, list) -> values.put(d, percentile(list, p)));
                byKey.put("p" + p, values);
            }
            return series(from, byKey, null);
        });
    }

    /** Partners' messages refused per day, one series per refusal code. */
    public Series inboundRefusals(Instant from) {
        return read("count inbound refusals", c -> {
            Map<String, Map<String, Double>> byKey = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_time, error_code FROM audit_event "
                    + "WHERE action = 'INBOUND_REFUSED' AND event_time >= ?")) {
                ps.setObject(1, Jdbc.utc(from));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString("error_code") == null ? "UNSPECIFIED" : rs.getString("error_code");
                        byKey.computeIfAbsent(code, k -> new TreeMap<>())
                                .merge(day(Jdbc.instant(rs, "event_time")), 1.0, Double::sum);
                    }
                }
            }
            return series(from, byKey, 0.0);
        });
    }

    public java.util.Optional<LastCheckpoint> lastCheckpoint() {
        return read("read the last checkpoint", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, signed_at, key_id FROM audit_checkpoint "
                    + "ORDER BY seq DESC")) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(new LastCheckpoint(rs.getLong("seq"),
                            Jdbc.instant(rs, "signed_at"), rs.getString("key_id"))) : java.util.Optional.empty();
                }
            }
        });
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Series series(Instant from, Map<String, Map<String, Double>> byKey, Double missing) {
        List<String> days = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(today); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        byKey.forEach((k, perDay) -> values.put(k, days.stream().map(d -> perDay.getOrDefault(d, missing)).toList()));
        return new Series(days, values);
    }

    private static String day(Instant i) {
        return LocalDate.ofInstant(i, ZoneOffset.UTC).toString();
    }

    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
