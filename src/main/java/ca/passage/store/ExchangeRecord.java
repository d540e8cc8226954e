package ca.passage.store;

import java.time.Instant;

/** One exchange as stored: ids, state and timings only, never the notice's content. */
public record ExchangeRecord(
        String exchangeId,
        String noticeId,
        String partnerId,
        Direction direction,
        ExchangeState state,
        String messageId,
        String conversationId,
        int attempts,
        String lastError,
        String sentDigest,
        String receiptDigest,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        Instant closedAt) {
}
