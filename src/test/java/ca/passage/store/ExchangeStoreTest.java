package ca.passage.store;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestEvents;
import ca.passage.testing.TestKeys;

import ca.passage.store.ExchangeState;
import ca.passage.store.StoreException;
import ca.passage.store.Transition;

import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;

import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static ca.passage.store.ExchangeState.ACKNOWLEDGED;
import static ca.passage.store.ExchangeState.QUEUED;
import static ca.passage.store.ExchangeState.RECEIVED;
import static ca.passage.store.ExchangeState.SENDING;
import static ca.passage.store.ExchangeState.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange state store on H2 and on PostgreSQL (a fresh schema per test at 127.0.0.1:5432; unreachable
 * PostgreSQL fails these tests rather than skipping them).
 */
class ExchangeStoreTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noticeExchangesAndAuditEventsAreStoredTogether(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "interpol-hub"),
                    exchange("E-2", "N-1", "us-hsi")), List.of(intake("N-1")));

            NoticeRecord n = store.findNotice("N-1").orElseThrow();
            assertThat(n.content()).isEqualTo("<notice/>".getBytes(StandardCharsets.UTF_8));
            assertThat(n.receivedAt()).isEqualTo(T0);
            assertThat(n.approvalState()).isEqualTo("NOT_REQUIRED");
            assertThat(store.noticeExists("N-1")).isTrue();
            assertThat(store.noticeExists("N-2")).isFalse();
            assertThat(store.exchangesOf("N-1")).extracting(ExchangeRecord::exchangeId).containsExactly("E-1", "E-2");
            assertThat(store.findByMessageId("us-hsi", "M-E-2")).map(ExchangeRecord::partnerId).contains("us-hsi");
            assertThat(count(db, "audit_event WHERE action = 'NOTICE_RECEIVED' AND notice_id = 'N-1'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aMessageIdIsUniquePerPartnerSoOnePartnerCannotTakeAnothersIds(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(inbound("E-1", "N-1", "eu-agency", "shared-id")), List.of());
            store.storeNotice(notice("N-2"), List.of(inbound("E-2", "N-2", "us-hsi", "shared-id")), List.of());
            assertThat(store.findByMessageId("us-hsi", "shared-id")).map(ExchangeRecord::exchangeId).contains("E-2");
            assertThat(store.findByMessageId("eu-agency", "shared-id")).map(ExchangeRecord::exchangeId).contains("E-1");
            assertThatThrownBy(() -> store.storeNotice(notice("N-3"), List.of(inbound("E-3", "N-3", "us-hsi",
                    "shared-id")), List.of())).as("still unique for one partner").isInstanceOf(StoreException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPartnersMessageIsRememberedWithItsAnswerInTheTransactionOfItsEffectAndOnlyThen(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            byte[] receipt = "<receipt/>".getBytes(StandardCharsets.UTF_8);
            store.storeNotice(notice("N-1"), List.of(inbound("E-1", "N-1", "eu-agency", "m-1")), List.of(),
                    new InboundMark("eu-agency", "m-1", T0, "application/xml", receipt));
            assertThat(count(db, "seen_message WHERE partner_id = 'eu-agency' AND message_id = 'm-1'")).isEqualTo(1);
            // N-1 again: the notice cannot be stored, so its message must not be remembered (the retry is processed)
            assertThatThrownBy(() -> store.storeNotice(notice("N-1"), List.of(inbound("E-2", "N-1", "eu-agency", "m-2")),
                    List.of(), new InboundMark("eu-agency", "m-2", T0, "application/xml", receipt)))
                    .isInstanceOf(StoreException.class);
            assertThat(count(db, "seen_message WHERE message_id = 'm-2'")).isZero();
            // and a message remembered once cannot take effect twice
            assertThatThrownBy(() -> store.storeNotice(notice("N-3"), List.of(inbound("E-3", "N-3", "eu-agency", "m-3")),
                    List.of(), new InboundMark("eu-agency", "m-1", T0, "application/xml", receipt)))
                    .isInstanceOf(StoreException.class);
            assertThat(store.findNotice("N-3")).isEmpty();
        }
    }

    private static ExchangeRecord inbound(String id, String noticeId, String partner, String messageId) {
        return new ExchangeRecord(id, noticeId, partner, Direction.IN, ExchangeState.RECEIVED_INBOUND, messageId,
                "C-" + noticeId, 1, null, null, null, T0, T0, null, null);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNoticeWhoseExchangeCannotBeStoredLeavesNothing(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "us-hsi")), List.of(intake("N-1")));
            // E-1 again: the primary key refuses it, so the second notice and its event must not stay either.
            assertThatThrownBy(() -> store.storeNotice(notice("N-2"), List.of(exchange("E-1", "N-2", "us-hsi")),
                    List.of(intake("N-2")))).isInstanceOf(StoreException.class);
            assertThat(store.findNotice("N-2")).isEmpty();
            assertThat(count(db, "audit_event WHERE notice_id = 'N-2'")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transitionsAreGuardedByTheirFromStatesAndHappenOnce(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "us-hsi")), List.of(intake("N-1")));

            assertThat(store.transition(Transition.of("E-1", EnumSet.of(SENT), ACKNOWLEDGED, event("E-1", "X"))))
                    .as("RECEIVED is not in {SENT}").isFalse();
            assertThat(store.findExchange("E-1").orElseThrow().state()).isEqualTo(RECEIVED);

            Transition claim = Transition.of("E-1", EnumSet.of(RECEIVED, QUEUED), SENDING, event("E-1", "ATTEMPT"))
                    .countingAttempt();
            assertThat(store.transition(claim)).isTrue();
            assertThat(store.transition(Transition.of("E-1", EnumSet.of(RECEIVED, QUEUED), SENDING,
                    event("E-1", "ATTEMPT")).countingAttempt())).as("second identical transition").isFalse();
            ExchangeRecord sending = store.findExchange("E-1").orElseThrow();
            assertThat(sending.state()).isEqualTo(SENDING);
            assertThat(sending.attempts()).isEqualTo(1);
            assertThat(sending.closedAt()).isNull();

            assertThat(store.transition(Transition.of("E-1", EnumSet.of(SENDING), SENT, event("E-1", "SENT"))
                    .withSentDigest("ab".repeat(32)))).isTrue();
            assertThat(store.transition(Transition.of("E-1", EnumSet.of(SENT), ACKNOWLEDGED, event("E-1", "ACK"))
                    .withReceiptDigest("cd".repeat(32)))).isTrue();
            ExchangeRecord done = store.findExchange("E-1").orElseThrow();
            assertThat(done.state()).isEqualTo(ACKNOWLEDGED);
            assertThat(done.sentDigest()).isEqualTo("ab".repeat(32));
            assertThat(done.sentAt()).isEqualTo(T0);
            assertThat(done.receiptDigest()).isEqualTo("cd".repeat(32));
            assertThat(done.closedAt()).as("final state closes").isEqualTo(T0);

            // one audit event per transition that happened, none for those refused
            assertThat(count(db, "audit_event WHERE exchange_id = 'E-1'")).isEqualTo(3);
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transitionAllMovesOnlyThoseInTheirFromStatesInOneTransaction(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "interpol-hub"),
                    exchange("E-2", "N-1", "us-hsi"), exchange("E-3", "N-1", "eu-agency")), List.of(intake("N-1")));
            store.transition(Transition.of("E-3", EnumSet.of(RECEIVED), SENDING, event("E-3", "ATTEMPT")));

            int moved = store.transitionAll(List.of("E-1", "E-2", "E-3").stream()
                    .map(id -> Transition.of(id, EnumSet.of(RECEIVED), QUEUED, event(id, "QUEUED"))).toList());

            assertThat(moved).isEqualTo(2);
            assertThat(store.exchangesOf("N-1")).extracting(ExchangeRecord::state).containsExactly(SENDING, QUEUED, QUEUED);
            assertThat(count(db, "audit_event WHERE action = 'QUEUED'")).as("one event per move made").isEqualTo(2);
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).intact()).isTrue();

            db.sql("ALTER TABLE audit_event ADD CONSTRAINT no_boom CHECK (action <> 'BOOM')");
            store.storeNotice(notice("N-2"), List.of(exchange("E-4", "N-2", "us-hsi"), exchange("E-5", "N-2", "eu-agency")),
                    List.of(intake("N-2")));
            assertThatThrownBy(() -> store.transitionAll(List.of(
                    Transition.of("E-4", EnumSet.of(RECEIVED), QUEUED, event("E-4", "QUEUED")),
                    Transition.of("E-5", EnumSet.of(RECEIVED), QUEUED, event("E-5", "BOOM")))))
                    .isInstanceOf(StoreException.class);
            assertThat(store.exchangesOf("N-2")).as("all or nothing").extracting(ExchangeRecord::state)
                    .containsExactly(RECEIVED, RECEIVED);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void transitionAllOfDifferentKindsBindsEachMoveToItsOwnRowAndAuditsThemInOrder(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "interpol-hub"),
                    exchange("E-2", "N-1", "us-hsi"), exchange("E-3", "N-1", "eu-agency"),
                    exchange("E-4", "N-1", "fr-pn")), List.of(intake("N-1")));
            store.transition(Transition.of("E-3", EnumSet.of(RECEIVED), SENDING, event("E-3", "ATTEMPT")));

            // runs of the same statement are batched: plain, with an error, plain (not movable), plain again
            int moved = store.transitionAll(List.of(
                    Transition.of("E-1", EnumSet.of(RECEIVED), QUEUED, event("E-1", "Q1")),
                    Transition.of("E-2", EnumSet.of(RECEIVED), QUEUED, event("E-2", "Q2")).withError("held"),
                    Transition.of("E-3", EnumSet.of(RECEIVED), QUEUED, event("E-3", "Q3")),
                    Transition.of("E-4", EnumSet.of(RECEIVED), QUEUED, event("E-4", "Q4"))));

            assertThat(moved).isEqualTo(3);
            assertThat(store.exchangesOf("N-1")).extracting(ExchangeRecord::exchangeId, ExchangeRecord::state,
                    ExchangeRecord::lastError).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("E-1", QUEUED, null),
                    org.assertj.core.groups.Tuple.tuple("E-2", QUEUED, "held"),
                    org.assertj.core.groups.Tuple.tuple("E-3", SENDING, null),
                    org.assertj.core.groups.Tuple.tuple("E-4", QUEUED, null));
            List<String> actions = new java.util.ArrayList<>();
            try (Connection c = db.ds().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT action FROM audit_event WHERE action LIKE 'Q%' ORDER BY seq")) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
            assertThat(actions).as("one event per move made, in the order of the moves").containsExactly("Q1", "Q2", "Q4");
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).intact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void findExchangesReadsTheNamedExchangesThatExistInOneQuery(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "interpol-hub"),
                    exchange("E-2", "N-1", "us-hsi"), exchange("E-3", "N-1", "eu-agency")), List.of(intake("N-1")));

            assertThat(store.findExchanges(List.of("E-3", "E-9", "E-1"))).extracting(ExchangeRecord::exchangeId,
                    ExchangeRecord::partnerId, ExchangeRecord::messageId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("E-1", "interpol-hub", "M-E-1"),
                    org.assertj.core.groups.Tuple.tuple("E-3", "eu-agency", "M-E-3"));
            assertThat(store.findExchanges(List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFailingAuditAppendRollsTheStateChangeBack(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "us-hsi")), List.of(intake("N-1")));
            db.sql("ALTER TABLE audit_event ADD CONSTRAINT no_boom CHECK (action <> 'BOOM')");

            assertThatThrownBy(() -> store.transition(Transition.of("E-1", EnumSet.of(RECEIVED), QUEUED,
                    event("E-1", "BOOM")))).isInstanceOf(StoreException.class);
            ExchangeRecord e = store.findExchange("E-1").orElseThrow();
            assertThat(e.state()).isEqualTo(RECEIVED);
            assertThat(e.updatedAt()).isEqualTo(T0);

            assertThatThrownBy(() -> store.storeNotice(notice("N-2"), List.of(exchange("E-2", "N-2", "us-hsi")),
                    List.of(TestEvents.withAction(null, "officer-7", "BOOM").withNotice("N-2"))))
                    .isInstanceOf(StoreException.class);
            assertThat(store.findNotice("N-2")).isEmpty();
            assertThat(store.findExchange("E-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void searchAwaitingQueueAndOpenSeeTheRightExchanges(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "interpol-hub"),
                    exchange("E-2", "N-1", "us-hsi"), exchange("E-3", "N-1", "eu-agency")), List.of(intake("N-1")));
            store.transition(Transition.of("E-2", EnumSet.of(RECEIVED), QUEUED, event("E-2", "QUEUED")));
            store.transition(Transition.of("E-3", EnumSet.of(RECEIVED), ExchangeState.CANCELLED, event("E-3", "X")));

            assertThat(store.search("us-hsi", null, 10)).extracting(ExchangeRecord::exchangeId).containsExactly("E-2");
            assertThat(store.search(null, QUEUED, 10)).extracting(ExchangeRecord::exchangeId).containsExactly("E-2");
            assertThat(store.search("us-hsi", RECEIVED, 10)).isEmpty();
            assertThat(store.search(null, null, 2)).hasSize(2);
            assertThat(store.open()).extracting(ExchangeRecord::exchangeId).containsExactlyInAnyOrder("E-1", "E-2");

            assertThat(store.awaitingQueue(T0.minusSeconds(1))).as("not older than the cut-off").isEmpty();
            assertThat(store.awaitingQueue(T0)).extracting(ExchangeRecord::exchangeId).containsExactly("E-1");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void approvalIsRecordedWithSupervisorAndTime(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            NoticeRecord pending = new NoticeRecord("N-1", "F-1", 1, "NOTICE", "HIGH", "H1", "MLAT", "officer-7", T0,
                    "d".repeat(64), "<notice/>".getBytes(StandardCharsets.UTF_8), "PENDING", null, null, null);
            ExchangeRecord held = new ExchangeRecord("X-held", "N-1", "eu-agency", Direction.OUT, ExchangeState.PENDING_APPROVAL,
                    "M-held", "C-N-1", 0, null, null, null, T0, T0, null, null);
            store.storeNotice(pending, List.of(held), List.of(intake("N-1")));
            int moved = store.decideApproval("N-1", "APPROVED", "supervisor:sgt-lavoie", List.of(
                    Transition.of("X-held", EnumSet.of(ExchangeState.PENDING_APPROVAL), ExchangeState.RECEIVED,
                            AuditEvent.exchange(null, "supervisor:sgt-lavoie", AuditAction.NOTICE_APPROVED, "N-1", "X-held",
                                    "M-held", "eu-agency"))));
            assertThat(moved).isEqualTo(1);
            assertThat(store.findExchange("X-held").orElseThrow().state()).isEqualTo(ExchangeState.RECEIVED);
            NoticeRecord n = store.findNotice("N-1").orElseThrow();
            assertThat(n.approvalState()).isEqualTo("APPROVED");
            assertThat(n.approvedBy()).isEqualTo("supervisor:sgt-lavoie");
            assertThat(n.approvedAt()).isEqualTo(T0);
        }
    }

    private static ExchangeStore store(TestDb db) {
        return new ExchangeStore(db.ds(), new AuditLedger(db.ds(), CLOCK, KEYS.signer()), CLOCK);
    }

    static NoticeRecord notice(String id) {
        return new NoticeRecord(id, "F-" + id, 1, "NOTICE", "HIGH", "H1", "MLAT", "officer-7", T0, "d".repeat(64),
                "<notice/>".getBytes(StandardCharsets.UTF_8), "NOT_REQUIRED", null, null, null);
    }

    static ExchangeRecord exchange(String id, String noticeId, String partner) {
        return new ExchangeRecord(id, noticeId, partner, Direction.OUT, RECEIVED, "M-" + id, "C-" + noticeId, 0, null, null,
                null, T0, T0, null, null);
    }

    static AuditEvent intake(String noticeId) {
        return AuditEvent.of(null, "officer-7", AuditAction.NOTICE_RECEIVED).withNotice(noticeId);
    }

    static AuditEvent event(String exchangeId, String action) {
        return TestEvents.withAction(null, "system", action).withExchange(exchangeId, "M-" + exchangeId, "us-hsi");
    }

    private static long count(TestDb db, String fromWhere) throws Exception {
        try (Connection c = db.ds().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
