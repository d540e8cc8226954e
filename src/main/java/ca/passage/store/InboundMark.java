package ca.passage.store;

import java.time.Instant;

/**
 * The replay memory's row for an accepted inbound message: written in the same transaction as the message's effect
 * (a stored notice, a state change, an audit event), so a message whose processing failed is not remembered and the
 * partner's retry is processed; and kept with the answer the message got, so a duplicate gets that same answer.
 *
 * @param answerType the answer's content type; null with {@code answer} while the answer is not yet made (AS4)
 * @param answer     the exact bytes answered (a signed receipt; empty for an answer without a body)
 */
public record InboundMark(String partnerId, String messageId, Instant receivedAt, String answerType, byte[] answer) {
}
