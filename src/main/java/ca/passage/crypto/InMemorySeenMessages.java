package ca.passage.crypto;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replay memory in a map, forgetting entries older than the retention (replay window + skew). For tests and the demo. */
public final class InMemorySeenMessages implements SeenMessages {
    private final Duration retention;
    private final Map<String, Instant> seen = new LinkedHashMap<>();

    public InMemorySeenMessages(Duration retention) {
        this.retention = retention;
    }

    @Override
    public synchronized boolean firstSeen(String partnerId, String messageId, Instant at) {
        Instant horizon = at.minus(retention);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
        return seen.putIfAbsent(partnerId + '\u0000' + messageId, at) == null;
    }
}
