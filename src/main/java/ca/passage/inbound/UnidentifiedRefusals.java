package ca.passage.inbound;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refusals of messages that no partner can be held to (no TLS identity, no known sender in the header: junk on the
 * JMS queue, say) are counted per time window instead of audited one by one: one ledger row per window and refusal
 * code, {@code INBOUND_JUNK_COUNTED} with the count as its outcome, appended when the window has ended. Flooding
 * the gateway with junk so costs the chain one row a minute, not one row (under the chain lock) per message. A
 * window not yet flushed when the process stops is lost; refusals of an identified partner are audited each.
 */
public final class UnidentifiedRefusals {

    private final AuditLedger ledger;
    private final Clock clock;
    private final Duration window;
    private final Object lock = new Object();
    private Instant windowStart;
    private Map<String, Long> counts = new TreeMap<>();

    public UnidentifiedRefusals(AuditLedger ledger, Clock clock, Duration window) {
        this.ledger = ledger;
        this.clock = clock;
        this.window = window;
    }

    /** One more refusal with {@code code} in the current window. */
    public void count(String code) {
        Ended ended;
        synchronized (lock) {
            ended = endIfDue(clock.instant());
            if (windowStart == null) {
                windowStart = clock.instant();
            }
            counts.merge(code, 1L, Long::sum);
        }
        append(ended);
    }

    /** Appends the counts of a window that has ended (the timer calls this); returns how many rows were appended. */
    public int flush() {
        Ended ended;
        synchronized (lock) {
            ended = endIfDue(clock.instant());
        }
        return append(ended);
    }

    /** The refusals counted in the current window, not yet in the ledger. */
    public long pending() {
        synchronized (lock) {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Ended(Instant end, Map<String, Long> counts) {
    }

    private Ended endIfDue(Instant now) {
        if (windowStart == null || now.isBefore(windowStart.plus(window))) {
            return null;
        }
        Ended ended = new Ended(windowStart.plus(window), counts);
        windowStart = null;
        counts = new TreeMap<>();
        return ended;
    }

    private int append(Ended ended) {
        if (ended == null) {
            return 0;
        }
        ended.counts().forEach((code, n) -> ledger.append(AuditEvent.of(ended.end(), "unknown-sender",
                AuditAction.INBOUND_JUNK_COUNTED).withOutcome(String.valueOf(n), code)));
        return ended.counts().size();
    }
}
