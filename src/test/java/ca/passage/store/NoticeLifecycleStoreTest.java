package ca.passage.store;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static ca.passage.store.ExchangeStoreTest.CLOCK;
import static ca.passage.store.ExchangeStoreTest.KEYS;
import static ca.passage.store.ExchangeStoreTest.exchange;
import static ca.passage.store.ExchangeStoreTest.intake;
import static ca.passage.store.ExchangeStoreTest.notice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice's lifecycle in the store (migration V8) on H2 and on PostgreSQL: exchange kinds and references round-trip,
 * a lifecycle step is guarded and atomic, an update stores the new version and supersedes the earlier one at once.
 */
class NoticeLifecycleStoreTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lifecycleExchangesKeepTheirKindReferenceAndReason(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "us-hsi")), List.of(intake("N-1")));
            assertThat(store.findExchange("E-1").orElseThrow().kind()).isEqualTo(ExchangeKind.NOTICE);

            ExchangeRecord withdrawal = exchange("E-2", "N-1", "us-hsi").as(ExchangeKind.WITHDRAWAL, "M-E-1", "PERSON_LOCATED");
            assertThat(store.recordLifecycle("N-1", NoticeLifecycle.State.WITHDRAWN, "PERSON_LOCATED", Set.of(),
                    List.of(withdrawal), List.of(), List.of(AuditEvent.of(null, "officer-7", AuditAction.NOTICE_WITHDRAWN)
                            .withNotice("N-1")))).isTrue();

            ExchangeRecord read = store.findExchange("E-2").orElseThrow();
            assertThat(read.kind()).isEqualTo(ExchangeKind.WITHDRAWAL);
            assertThat(read.refMessageId()).isEqualTo("M-E-1");
            assertThat(read.lifecycleReason()).isEqualTo("PERSON_LOCATED");
            NoticeLifecycle l = store.lifecycleOf("N-1").orElseThrow();
            assertThat(l.state()).isEqualTo(NoticeLifecycle.State.WITHDRAWN);
            assertThat(l.reason()).isEqualTo("PERSON_LOCATED");

            // withdrawn once: a second withdrawal changes nothing and stores nothing
            assertThat(store.recordLifecycle("N-1", NoticeLifecycle.State.WITHDRAWN, "OTHER", Set.of(),
                    List.of(exchange("E-3", "N-1", "us-hsi")), List.of(), List.of())).isFalse();
            assertThat(store.findExchange("E-3")).isEmpty();
            assertThat(store.lifecycleOf("N-1").orElseThrow().reason()).isEqualTo("PERSON_LOCATED");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUpdateSupersedesTheCurrentVersionAndCancelsWhatWasNotSent(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            ExchangeStore store = store(db);
            store.storeNotice(notice("N-1"), List.of(exchange("E-1", "N-1", "us-hsi")), List.of(intake("N-1")));
            Transition cancel = Transition.of("E-1", EnumSet.of(ExchangeState.RECEIVED), ExchangeState.CANCELLED,
                    AuditEvent.of(null, "officer-7", AuditAction.EXCHANGE_CANCELLED_BY_LIFECYCLE).withNotice("N-1"));

            assertThat(store.storeUpdate(notice("N-2"), "N-1", List.of(exchange("E-2", "N-2", "us-hsi")),
                    List.of(cancel), List.of(intake("N-2")))).isTrue();
            assertThat(store.lifecycleOf("N-1").orElseThrow().supersededBy()).isEqualTo("N-2");
            assertThat(store.lifecycleOf("N-1").orElseThrow().state()).isEqualTo(NoticeLifecycle.State.SUPERSEDED);
            assertThat(store.lifecycleOf("N-2").orElseThrow().supersedes()).isEqualTo("N-1");
            assertThat(store.lifecycleOf("N-2").orElseThrow().current()).isTrue();
            assertThat(store.findExchange("E-1").orElseThrow().state()).isEqualTo(ExchangeState.CANCELLED);

            // N-1 is no longer current: a second update of it leaves nothing behind
            assertThat(store.storeUpdate(notice("N-3"), "N-1", List.of(exchange("E-3", "N-3", "us-hsi")),
                    List.of(), List.of(intake("N-3")))).isFalse();
            assertThat(store.findNotice("N-3")).isEmpty();
            assertThat(store.findExchange("E-3")).isEmpty();
        }
    }

    private static ExchangeStore store(TestDb db) {
        return new ExchangeStore(db.ds(), new AuditLedger(db.ds(), CLOCK, KEYS.signer()), CLOCK);
    }
}
