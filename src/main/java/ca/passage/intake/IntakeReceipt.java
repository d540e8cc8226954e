package ca.passage.intake;

import java.util.List;

/** What a liaison officer gets back for an accepted notice: its id and one exchange per partner. */
public record IntakeReceipt(String noticeId, List<ExchangeRef> exchanges) {

    public record ExchangeRef(String exchangeId, String partnerId, String state) {
    }

    public IntakeReceipt {
        exchanges = List.copyOf(exchanges);
    }
}
