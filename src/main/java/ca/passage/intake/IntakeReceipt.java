package ca.passage.intake;

import ca.passage.outbound.QueueItem;
import ca.passage.outbound.Queueable;

import java.util.List;

/** What a liaison officer gets back for an accepted notice: its id and one exchange per partner. */
public record IntakeReceipt(String noticeId, List<ExchangeRef> exchanges) implements Queueable {

    public record ExchangeRef(String exchangeId, String partnerId, String state) {
    }

    public IntakeReceipt {
        exchanges = List.copyOf(exchanges);
    }

    /** Every exchange goes on its partner's queue; one that is not sendable yet (held for approval) is skipped there. */
    @Override
    public List<QueueItem> toQueue() {
        return exchanges.stream().map(e -> QueueItem.notice(e.partnerId(), e.exchangeId())).toList();
    }
}
