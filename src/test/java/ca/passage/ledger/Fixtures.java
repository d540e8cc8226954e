package ca.passage.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Rows in the exchange store (V1 tables) for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static void notice(Connection c, String id, String legalBasis, String handling, String approvedBy)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice (notice_id, national_file_number, version, "
                + "requested_action, priority, handling_code, legal_basis, submitted_by, received_at, content_digest, "
                + "content, approval_state, approved_by, approved_at) VALUES (?, ?, 1, 'LOCATE', 'HIGH', ?, ?, "
                + "'officer-7', ?, 'd', ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, "F-" + id);
            ps.setString(3, handling);
            ps.setString(4, legalBasis);
            ps.setObject(5, at("2025-03-01T09:00:00Z"));
            ps.setBytes(6, new byte[]{0});
            ps.setString(7, approvedBy == null ? "NOT_REQUIRED" : "APPROVED");
            ps.setString(8, approvedBy);
            ps.setObject(9, approvedBy == null ? null : at("2025-03-01T09:30:00Z"));
            ps.executeUpdate();
        }
    }

    static void exchange(Connection c, String id, String noticeId, String partner, String direction, String state,
                         String sentAt, String closedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO exchange (exchange_id, notice_id, partner_id, "
                + "direction, state, message_id, conversation_id, attempts, sent_digest, created_at, updated_at, "
                + "sent_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, noticeId);
            ps.setString(3, partner);
            ps.setString(4, direction);
            ps.setString(5, state);
            ps.setString(6, "M-" + id);
            ps.setString(7, "C-" + noticeId);
            ps.setString(8, sentAt == null ? null : "ab".repeat(32));
            ps.setObject(9, at("2025-03-01T09:00:00Z"));
            ps.setObject(10, at("2025-03-01T09:00:00Z"));
            ps.setObject(11, sentAt == null ? null : at(sentAt));
            ps.setObject(12, closedAt == null ? null : at(closedAt));
            ps.executeUpdate();
        }
    }

    static OffsetDateTime at(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
