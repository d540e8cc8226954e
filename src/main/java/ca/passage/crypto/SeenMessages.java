package ca.passage.crypto;

import java.time.Instant;

/** Replay memory: true the first time a (partner, message id) pair is seen, false on every later call. */
public interface SeenMessages {
    boolean firstSeen(String partnerId, String messageId, Instant at);
}
