package ca.passage.inbound;

import ca.passage.store.StoreException;

import ca.passage.crypto.SeenMessages;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The inbound replay memory, in the store: a (partner, message id) pair is accepted once, across restarts. The
 * gateway's inbound steps write it in the transaction of the message's effect ({@code ExchangeStore}, with the answer
 * the message got) and read it here to answer a duplicate with that same answer.
 */
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

    /** The answer a partner's message got when it was accepted, if it was. */
    public Optional<Remembered> find(String partnerId, String messageId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT answer_type, answer FROM seen_message WHERE partner_id = ? AND message_id = ?")) {
            ps.setString(1, partnerId);
            ps.setString(2, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Remembered(rs.getString(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the replay memory", e);
        }
    }

    /** The answer made after the message's effect was stored (an AS4 receipt), kept for its duplicates. */
    public void keepAnswer(String partnerId, String messageId, String answerType, byte[] answer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE seen_message SET answer_type = ?, answer = ? "
                     + "WHERE partner_id = ? AND message_id = ? AND answer IS NULL")) {
            ps.setString(1, answerType);
            ps.setBytes(2, answer);
            ps.setString(3, partnerId);
            ps.setString(4, messageId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot keep the answer to inbound message " + messageId, e);
        }
    }

    /**
     * The route's safety net after every action: remembers an accepted message with its answer if its action did not
     * already do so in the transaction of its effect (a message kind that passes no {@code InboundMark} to the
     * store). Outside that transaction, so such a kind's failed attempt could be remembered; the shipped kinds all
     * remember in their transaction, which makes this a no-op for them.
     */
    public void rememberIfAbsent(String partnerId, String messageId, String answerType, byte[] answer) {
        if (find(partnerId, messageId).isPresent()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO seen_message (partner_id, message_id, received_at, "
                     + "answer_type, answer) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, partnerId);
            ps.setString(2, messageId);
            ps.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            ps.setString(4, answerType);
            ps.setBytes(5, answer);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) { // 23: remembered meanwhile
                throw new StoreException("cannot remember inbound message " + messageId, e);
            }
        }
    }

    /**
     * A remembered message and the answer it got; {@code answer} is null for a message remembered before answers
     * were kept, or when the process stopped between its effect and its answer.
     */
    public record Remembered(String answerType, byte[] answer) {
        public boolean hasAnswer() {
            return answer != null && answerType != null;
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
