package ca.passage.inbound;

import ca.passage.store.StoreException;

import ca.passage.crypto.SeenMessages;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** The inbound replay memory, in the store: a (partner, message id) pair is accepted once, across restarts. */
public final class SeenMessageStore implements SeenMessages {

    private final DataSource dataSource;
    private final Duration window;
    private final Clock clock;

    /** @param window the policy's replay window: older messages are refused as stale, so need not be remembered */
    public SeenMessageStore(DataSource dataSource, Duration window, Clock clock) {
        this.dataSource = dataSource;
        this.window = window;
        this.clock = clock;
    }

    /** Forgets what is older than the replay window (and twice the skew margin); returns how many were forgotten. */
    public int forgetExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM seen_message WHERE received_at < ?")) {
            ps.setObject(1, clock.instant().minus(window.multipliedBy(2)).atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge the replay memory", e);
        }
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
