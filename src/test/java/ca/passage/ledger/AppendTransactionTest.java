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

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appendingAListInOneGoWritesTheChainAndCheckpointsThatAppendingOneByOneWrites(Backend backend) throws Exception {
        // a checkpoint by count (every 5: at 5) and one by time (an hour of event time since event 6: at 7), both
        // inside the list of the first 7 events
        CheckpointPolicy policy = new CheckpointPolicy(5, java.time.Duration.ofHours(1));
        int[] minutes = {1, 2, 3, 4, 5, 6, 70, 71};
        java.util.List<AuditEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            events.add(Events.sent(i + 1).withTime(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(60L * minutes[i])));
        }
        try (TestDb oneByOne = TestDb.create(backend); TestDb inOneGo = TestDb.create(backend)) {
            AuditLedger single = new AuditLedger(oneByOne.ds(), CLOCK, KEYS.signer(), policy);
            for (AuditEvent e : events) {
                single.append(e);
            }
            AuditLedger batched = new AuditLedger(inOneGo.ds(), CLOCK, KEYS.signer(), policy);
            try (Connection c = inOneGo.ds().getConnection()) {
                c.setAutoCommit(false);
                assertThat(batched.appendAll(c, events.subList(0, 7))).isEqualTo(7);
                assertThat(batched.appendAll(c, java.util.List.of())).as("nothing to append").isZero();
                c.commit();
            }
            batched.append(events.get(7));

            assertThat(batched.head()).isEqualTo(single.head());
            assertThat(batched.checkpoints()).extracting(Checkpoint::seq).containsExactly(5L, 7L);
            assertThat(batched.checkpoints()).extracting(Checkpoint::seq, Checkpoint::headHash)
                    .containsExactlyElementsOf(single.checkpoints().stream()
                            .map(cp -> org.assertj.core.groups.Tuple.tuple(cp.seq(), cp.headHash())).toList());
            VerificationResult r = new LedgerVerifier(KEYS.verifier()).verify(inOneGo.ds());
            assertThat(r.intact()).as(r.summary()).isTrue();
        }
    }
}
