package ca.passage.store;

import java.time.Instant;

/** A business response the domestic side gave to a partner's notice, and how far its delivery got. */
public record DomesticResponseRecord(String responseId, String noticeId, String partnerId, String inboundExchangeId,
                                     String messageId, String status, String errorCode, String description,
                                     String recordedBy, String state, int attempts, String lastError,
                                     Instant nextAttemptAt, Instant createdAt, Instant sentAt, String receiptDigest) {

    /** Recorded, not yet on the partner's queue. */
    public static final String PENDING = "PENDING";
    /** On the partner's queue: the broker delivers it, redelivering with the partner's back-off. */
    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    /** Still to be delivered. */
    public boolean open() {
        return PENDING.equals(state) || QUEUED.equals(state);
    }
}
