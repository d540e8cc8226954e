package ca.passage.store;

import java.util.EnumSet;
import java.util.Set;

/** The life of one exchange (one notice to one partner). Add states, never rename them: operators script on them. */
public enum ExchangeState {
    RECEIVED, PENDING_APPROVAL, QUEUED, SENDING, SENT, ACKNOWLEDGED, REJECTED, FAILED, ACK_OVERDUE, CANCELLED,
    /** A partner's notice received, verified and handed to the domestic side. */
    RECEIVED_INBOUND;

    public static final Set<ExchangeState> FINAL = EnumSet.of(ACKNOWLEDGED, REJECTED, FAILED, CANCELLED, RECEIVED_INBOUND);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
