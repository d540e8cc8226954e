package ca.passage.store;

import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Business responses waiting for, or done with, delivery; every change commits with its audit event. */
public final class DomesticResponseStore {

    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final Clock clock;

    public DomesticResponseStore(DataSource dataSource, AuditLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void record(DomesticResponseRecord r, AuditEvent audit) {
        Jdbc.inTransaction(dataSource, "domestic response store", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO domestic_response (response_id, notice_id, "
                    + "partner_id, inbound_exchange_id, message_id, status, error_code, description, recorded_by, state, "
                    + "attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.responseId());
                ps.setString(2, r.noticeId());
                ps.setString(3, r.partnerId());
                ps.setString(4, r.inboundExchangeId());
                ps.setString(5, r.messageId());
                ps.setString(6, r.status());
                ps.setString(7, r.errorCode());
                ps.setString(8, r.description());
                ps.setString(9, r.recordedBy());
                ps.setString(10, r.state());
                ps.setInt(11, r.attempts());
                ps.setObject(12, Jdbc.utc(r.nextAttemptAt()));
                ps.setObject(13, Jdbc.utc(r.createdAt()));
                ps.executeUpdate();
            }
            ledger.append(c, audit);
            return null;
        });
    }

    /** Responses due for a delivery attempt now. */
    public List<DomesticResponseRecord> due() {
        return query("WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at", Jdbc.utc(clock.instant()));
    }

    public List<DomesticResponseRecord> ofNotice(String noticeId) {
        return query("WHERE notice_id = ? ORDER BY created_at", noticeId);
    }

    public Optional<DomesticResponseRecord> find(String responseId) {
        return query("WHERE response_id = ?", responseId).stream().findFirst();
    }

    public void markSent(String responseId, String receiptDigest, AuditEvent audit) {
        Jdbc.inTransaction(dataSource, "domestic response store", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE domestic_response SET state = 'SENT', "
                    + "attempts = attempts + 1, sent_at = ?, receipt_digest = ?, last_error = NULL "
                    + "WHERE response_id = ? AND state = 'PENDING'")) {
                ps.setObject(1, Jdbc.utc(clock.instant()));
                ps.setString(2, receiptDigest);
                ps.setString(3, responseId);
                if (ps.executeUpdate() == 1) {
                    ledger.append(c, audit);
                }
            }
            return null;
        });
    }

    /** A failed attempt: retried after {@code retryIn}, or FAILED (audited) when it was the last allowed. */
    public void recordFailure(String responseId, String error, boolean last, Duration retryIn, AuditEvent failedAudit) {
        Jdbc.inTransaction(dataSource, "domestic response store", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE domestic_response SET attempts = attempts + 1, "
                    + "last_error = ?, next_attempt_at = ?, state = ? WHERE response_id = ? AND state = 'PENDING'")) {
                ps.setString(1, error.length() > 1024 ? error.substring(0, 1024) : error);
                ps.setObject(2, Jdbc.utc(clock.instant().plus(retryIn)));
                ps.setString(3, last ? DomesticResponseRecord.FAILED : DomesticResponseRecord.PENDING);
                ps.setString(4, responseId);
                if (ps.executeUpdate() == 1 && last) {
                    ledger.append(c, failedAudit);
                }
            }
            return null;
        });
    }

    private List<DomesticResponseRecord> query(String where, Object... args) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM domestic_response " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<DomesticResponseRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DomesticResponseRecord(rs.getString("response_id"), rs.getString("notice_id"),
                            rs.getString("partner_id"), rs.getString("inbound_exchange_id"), rs.getString("message_id"),
                            rs.getString("status"), rs.getString("error_code"), rs.getString("description"),
                            rs.getString("recorded_by"), rs.getString("state"), rs.getInt("attempts"),
                            rs.getString("last_error"), Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "created_at"),
                            Jdbc.instant(rs, "sent_at"), rs.getString("receipt_digest")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read domestic responses", e);
        }
    }

}
