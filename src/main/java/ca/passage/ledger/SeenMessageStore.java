package ca.passage.ledger;

import ca.passage.crypto.SeenMessages;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/** The inbound replay memory, in the store: a (partner, message id) pair is accepted once, across restarts. */
public final class SeenMessageStore implements SeenMessages {

    private final DataSource dataSource;

    public SeenMessageStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean firstSeen(String partnerId, String messageId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO seen_message (partner_id, message_id, received_at) VALUES (?, ?, ?)")) {
            ps.setString(1, partnerId);
            ps.setString(2, messageId);
            ps.setObject(3, at.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // integrity constraint: seen before
            }
            throw new StoreException("cannot record inbound message " + messageId, e);
        }
    }
}
