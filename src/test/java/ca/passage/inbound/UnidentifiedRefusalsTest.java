package ca.passage.inbound;

import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.testing.MutableClock;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Junk that no partner can be held to costs the ledger one row per window and code, not one row per message. */
class UnidentifiedRefusalsTest {

    private static final TestKeys KEYS = TestKeys.generate();

    @Test
    void refusalsOfNoIdentifiedSenderAreCountedPerWindowInOneLedgerRowPerCode() throws Exception {
        try (TestDb db = TestDb.create(TestDb.Backend.H2)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer());
            UnidentifiedRefusals refusals = new UnidentifiedRefusals(ledger, clock, Duration.ofMinutes(1));
            for (int i = 0; i < 500; i++) {
                refusals.count("MALFORMED");
            }
            refusals.count("UNKNOWN_PARTNER");
            assertThat(refusals.flush()).as("the window has not ended").isZero();
            assertThat(rows(db)).isZero();

            clock.advance(Duration.ofSeconds(61));
            assertThat(refusals.flush()).isEqualTo(2);
            var counted = new AuditSearch(db.ds()).search(AuditQuery.all().action("INBOUND_JUNK_COUNTED")).items();
            assertThat(counted).extracting(r -> r.event().errorCode() + "=" + r.event().outcome())
                    .containsExactlyInAnyOrder("MALFORMED=500", "UNKNOWN_PARTNER=1");
            assertThat(refusals.flush()).as("a window is written once").isZero();

            refusals.count("MALFORMED"); // a new window starts with the next refusal
            clock.advance(Duration.ofMinutes(2));
            refusals.count("MALFORMED"); // ends the previous window on the way
            assertThat(rows(db)).isEqualTo(3);
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).intact()).isTrue();
        }
    }

    private static long rows(TestDb db) {
        return new AuditSearch(db.ds()).search(AuditQuery.all().action("INBOUND_JUNK_COUNTED")).total();
    }
}
