package ca.passage.intake;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Transition;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Marks exchanges as queued once their message is on the partner's queue, and finds those that a crash left
 * RECEIVED without a queued message. A message queued twice is harmless: delivery is idempotent per exchange.
 */
public final class QueueSteps {

    private final ExchangeStore store;
    private final Clock clock;
    private final Duration grace;

    public QueueSteps(ExchangeStore store, Clock clock, Duration grace) {
        this.store = store;
        this.clock = clock;
        this.grace = grace;
    }

    public void markQueued(String exchangeId) {
        store.findExchange(exchangeId).ifPresent(e -> store.transition(Transition.of(exchangeId,
                EnumSet.of(ExchangeState.RECEIVED), ExchangeState.QUEUED,
                AuditEvent.exchange(null, "system", AuditAction.EXCHANGE_QUEUED, e.noticeId(), e.exchangeId(), e.messageId(),
                        e.partnerId()).withOutcome("QUEUED", null))));
    }

    /** Exchanges still RECEIVED after the grace period: their queue message may have been lost in a crash. */
    public List<ExchangeRecord> strandedExchanges() {
        return store.awaitingQueue(clock.instant().minus(grace));
    }
}
