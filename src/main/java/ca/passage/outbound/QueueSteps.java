package ca.passage.outbound;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Transition;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Marks what the route {@code direct:enqueue} put on a partner's outbound queue as queued, and finds what a crash
 * left recorded but not queued. A message queued twice is harmless: delivery is idempotent per exchange and per
 * response, and a partner de-duplicates by message id.
 */
public final class QueueSteps {

    private final ExchangeStore exchanges;
    private final DomesticResponseStore responses;
    private final Clock clock;
    private final Duration grace;

    public QueueSteps(ExchangeStore exchanges, DomesticResponseStore responses, Clock clock, Duration grace) {
        this.exchanges = exchanges;
        this.responses = responses;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Marks every item of {@code queued} queued, once all were sent: the exchanges (RECEIVED → QUEUED, each with its
     * audit event) in one transaction, so a notice for three partners costs one commit here, not three. Had a send
     * failed, nothing is marked and the recovery sweep queues them all again.
     */
    public void markQueued(Queueable queued) {
        List<String> exchangeIds = new ArrayList<>();
        for (QueueItem item : queued.toQueue()) {
            if (item.kind() == DeliveryKind.RESPONSE) {
                responses.markQueued(item.id());
            } else {
                exchangeIds.add(item.id());
            }
        }
        // the rows in one query: the audit event names the notice, message and partner of each exchange
        List<Transition> moves = new ArrayList<>();
        for (ExchangeRecord e : exchanges.findExchanges(exchangeIds)) {
            moves.add(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.RECEIVED), ExchangeState.QUEUED,
                    AuditEvent.exchange(null, "system", AuditAction.EXCHANGE_QUEUED, e.noticeId(), e.exchangeId(),
                            e.messageId(), e.partnerId()).withOutcome("QUEUED", null)));
        }
        exchanges.transitionAll(moves);
    }

    /**
     * Exchanges still RECEIVED and responses still PENDING after the grace period: their queue message may have
     * been lost in a crash between the store's commit and the send.
     */
    public Queueable stranded() {
        var cutoff = clock.instant().minus(grace);
        List<QueueItem> items = Stream.concat(
                exchanges.awaitingQueue(cutoff).stream().map(e -> QueueItem.notice(e.partnerId(), e.exchangeId())),
                responses.unqueued(cutoff).stream().map(r -> QueueItem.response(r.partnerId(), r.responseId())))
                .toList();
        return Queueable.of(items);
    }
}
