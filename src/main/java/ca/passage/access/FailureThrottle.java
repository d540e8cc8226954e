package ca.passage.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts refused requests (401/403) per source address; past the limit within the window the source is answered
 * 429 until its oldest counted failure leaves the window. Memory is bounded by the sources seen in one window.
 */
public final class FailureThrottle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailureThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until this source may try again, or 0 when it is not throttled. */
    public long retryAfterSeconds(String source) {
        Deque<Instant> q = failures.get(source);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            prune(q);
            if (q.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(clock.instant(), q.peekFirst().plus(window)).toSeconds());
        }
    }

    /** Records a failure; true when this one crossed the limit (the moment worth an audit event). */
    public boolean failed(String source) {
        Deque<Instant> q = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(clock.instant());
            if (failures.size() > 10_000) {
                failures.entrySet().removeIf(e -> e.getValue().isEmpty());
            }
            return q.size() == limit;
        }
    }

    private void prune(Deque<Instant> q) {
        Instant horizon = clock.instant().minus(window);
        while (!q.isEmpty() && !q.peekFirst().isAfter(horizon)) {
            q.removeFirst();
        }
    }
}
