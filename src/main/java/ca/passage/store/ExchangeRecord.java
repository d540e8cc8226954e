package ca.passage.store;

import java.time.Instant;

/**
 * One exchange as stored: ids, state and timings only, never the notice's content.
 *
 * @param kind            what the exchange carries: the notice, an update of it, or a lifecycle request about it
 * @param refMessageId    for an update or a lifecycle request, the message (the earlier notice) it refers to
 * @param lifecycleReason for a lifecycle request, its reason code
 */
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
        Instant closedAt,
        ExchangeKind kind,
        String refMessageId,
        String lifecycleReason) {

    public ExchangeRecord {
        kind = kind == null ? ExchangeKind.NOTICE : kind;
    }

    /** A notice exchange (the first version of a notice), as most callers make. */
    public ExchangeRecord(String exchangeId, String noticeId, String partnerId, Direction direction, ExchangeState state,
                          String messageId, String conversationId, int attempts, String lastError, String sentDigest,
                          String receiptDigest, Instant createdAt, Instant updatedAt, Instant sentAt, Instant closedAt) {
        this(exchangeId, noticeId, partnerId, direction, state, messageId, conversationId, attempts, lastError,
                sentDigest, receiptDigest, createdAt, updatedAt, sentAt, closedAt, ExchangeKind.NOTICE, null, null);
    }

    /** The same exchange carrying {@code k}, referring to {@code ref} for {@code reason}. */
    public ExchangeRecord as(ExchangeKind k, String ref, String reason) {
        return new ExchangeRecord(exchangeId, noticeId, partnerId, direction, state, messageId, conversationId, attempts,
                lastError, sentDigest, receiptDigest, createdAt, updatedAt, sentAt, closedAt, k, ref, reason);
    }
}
