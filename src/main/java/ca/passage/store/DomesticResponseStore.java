package ca.passage.store;

import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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

    /** Responses recorded before {@code before} and still not on their partner's queue. */
    public List<DomesticResponseRecord> unqueued(Instant before) {
        return query("WHERE state = 'PENDING' AND created_at <= ? ORDER BY created_at", Jdbc.utc(before));
    }

    public void markQueued(String responseId) {
        update("UPDATE domestic_response SET state = 'QUEUED' WHERE response_id = ? AND state = 'PENDING'", responseId);
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
                    + "WHERE response_id = ? AND state IN ('PENDING', 'QUEUED')")) {
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

    /** A failed attempt: counted with its reason; the broker redelivers after the partner's back-off. */
    public void recordAttemptFailed(String responseId, String error) {
        update("UPDATE domestic_response SET attempts = attempts + 1, last_error = ? "
                + "WHERE response_id = ? AND state IN ('PENDING', 'QUEUED')",
                error.length() > 1024 ? error.substring(0, 1024) : error, responseId);
    }

    /** The broker gave up after the partner's retry limit: FAILED, audited. */
    public void markFailed(String responseId, AuditEvent failedAudit) {
        Jdbc.inTransaction(dataSource, "domestic response store", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE domestic_response SET state = 'FAILED' "
                    + "WHERE response_id = ? AND state IN ('PENDING', 'QUEUED')")) {
                ps.setString(1, responseId);
                if (ps.executeUpdate() == 1) {
                    ledger.append(c, failedAudit);
                }
            }
            return null;
        });
    }

    private void update(String sql, Object... args) {
        Jdbc.inTransaction(dataSource, "domestic response store", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
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
