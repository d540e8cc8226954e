package ca.passage.testing;

import ca.passage.ledger.AuditEvent;

import java.time.Instant;

/** Audit events for store and ledger tests, including actions no production code writes (e.g. one a CHECK refuses). */
public final class TestEvents {

    private TestEvents() {
    }

    /** An event with only time, actor and a free-text action, as a row read back from the database would hold. */
    public static AuditEvent withAction(Instant time, String actor, String action) {
        return new AuditEvent(time, actor, action, null, null, null, null, null, null, null, null, null);
    }
}
