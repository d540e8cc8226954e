package ca.passage.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A message timestamp must lie within [now - window - skew, now + skew]. */
public final class FreshnessCheck {
    private final Duration skew;
    private final Duration window;
    private final Clock clock;

    public FreshnessCheck(Duration skew, Duration window, Clock clock) {
        this.skew = skew;
        this.window = window;
        this.clock = clock;
    }

    public FreshnessCheck(CryptoPolicy policy, Clock clock) {
        this(policy.clockSkew(), policy.replayWindow(), clock);
    }

    /** Returns the parsed timestamp, or throws STALE_TIMESTAMP. */
    public Instant check(String timestamp) {
        Instant ts;
        try {
            ts = Instant.parse(timestamp == null ? "" : timestamp.trim());
        } catch (DateTimeParseException e) {
            throw new SecurityRefusal(RefusalCode.STALE_TIMESTAMP, "message timestamp is missing or not ISO-8601 UTC");
        }
        Instant now = clock.instant();
        if (ts.isAfter(now.plus(skew))) {
            throw new SecurityRefusal(RefusalCode.STALE_TIMESTAMP, "message timestamp " + ts + " is in the future (now " + now + ")");
        }
        if (ts.isBefore(now.minus(window).minus(skew))) {
            throw new SecurityRefusal(RefusalCode.STALE_TIMESTAMP, "message timestamp " + ts + " is older than the replay window "
                    + window);
        }
        return ts;
    }

    /** How long message ids must be remembered so that any fresh message is caught as a replay. */
    public Duration retention() {
        return window.plus(skew).plus(skew);
    }
}
