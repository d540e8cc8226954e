package ca.passage.outbound;

import java.util.List;

/**
 * What an officer's withdrawal, update, deletion or correction request did: per partner, the exchange that carries
 * it (state RECEIVED, to be queued) or the delivery it cancelled (CANCELLED, never sent).
 */
public record LifecycleOutcome(String noticeId, String request, List<ExchangeRef> exchanges) implements Queueable {

    /** One partner's part: the exchange, its kind, its state, and the message it refers to. */
    public record ExchangeRef(String exchangeId, String partnerId, String kind, String state, String refMessageId) {
    }

    public LifecycleOutcome {
        exchanges = List.copyOf(exchanges);
    }

    /** The new exchanges go on their partners' queues; cancelled deliveries stay where they are. */
    @Override
    public List<QueueItem> toQueue() {
        return exchanges.stream().filter(e -> "RECEIVED".equals(e.state()))
                .map(e -> QueueItem.notice(e.partnerId(), e.exchangeId())).toList();
    }
}
