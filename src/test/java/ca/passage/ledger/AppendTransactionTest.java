package ca.passage.ledger;

import ca.passage.testing.MutableClock;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestEvents;
import ca.passage.testing.TestKeys;

import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event appended inside the caller's transaction commits or rolls back with the caller's state change. */
class AppendTransactionTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRolledBackTransactionLeavesNeitherStateChangeNorEventAndTheChainIntact(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer(), CheckpointPolicy.everyEvents(2));
            ledger.append(Events.sent(1));
            try (Connection c = db.ds().getConnection()) {
                c.setAutoCommit(false);
                Fixtures.notice(c, "N-1", "MLAT", "H1", null);
                assertThat(ledger.append(c, TestEvents.withAction(null, "officer-7", "INTAKE").withNotice("N-1"))).isEqualTo(2);
                c.rollback();
            }
            try (Connection c = db.ds().getConnection(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM notice), (SELECT COUNT(*) FROM audit_event), "
                        + "(SELECT COUNT(*) FROM audit_checkpoint)");
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isEqualTo(1);
                assertThat(rs.getLong(3)).isZero();
            }
            assertThat(ledger.append(Events.sent(3))).isEqualTo(2);
            VerificationResult r = new LedgerVerifier(KEYS.verifier()).verify(db.ds());
            assertThat(r.intact()).as(r.summary()).isTrue();
            assertThat(r.checkpointsVerified()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCommittedTransactionKeepsStateChangeAndEventTogether(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer());
            try (Connection c = db.ds().getConnection()) {
                c.setAutoCommit(false);
                Fixtures.notice(c, "N-1", "MLAT", "H1", null);
                ledger.append(c, TestEvents.withAction(null, "officer-7", "INTAKE").withNotice("N-1"));
                c.commit();
            }
            var page = new AuditSearch(db.ds()).search(AuditQuery.all().notice("N-1"));
            assertThat(page.items()).singleElement().satisfies(rec -> {
                assertThat(rec.event().time()).isEqualTo(CLOCK.instant());
                assertThat(rec.event().action()).isEqualTo("INTAKE");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appendRefusesAnAutoCommitConnectionBecauseItCouldNotHoldTheChainLock(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend); Connection c = db.ds().getConnection()) {
            AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer());
            c.setAutoCommit(true);
            assertThatThrownBy(() -> ledger.append(c, Events.sent(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void closeSignsAFinalCheckpointOverTheHead(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer(), CheckpointPolicy.everyEvents(100));
            ledger.append(Events.sent(1));
            ledger.append(Events.sent(2));
            assertThat(ledger.checkpoints()).isEmpty();
            ledger.close();
            assertThat(new AuditLedger(db.ds(), CLOCK, KEYS.verifier()).checkpoints())
                    .extracting(Checkpoint::seq).containsExactly(2L);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCheckpointIsSignedAtTheFirstEventMaxAgeAfterTheFirstUncoveredOne(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer(),
                    new CheckpointPolicy(1000, java.time.Duration.ofHours(1)));
            ledger.append(Events.sent(1).withTime(clock.instant()));
            clock.advance(java.time.Duration.ofSeconds(1800));
            ledger.append(Events.sent(2).withTime(clock.instant()));
            assertThat(ledger.checkpoints()).isEmpty();
            clock.advance(java.time.Duration.ofSeconds(1800));
            ledger.append(Events.sent(3).withTime(clock.instant()));
            assertThat(ledger.checkpoints()).extracting(Checkpoint::seq).containsExactly(3L);
        }
    }
}
