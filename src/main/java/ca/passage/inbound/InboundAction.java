package ca.passage.inbound;

import ca.passage.crypto.RefusalCode;

import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.LifecycleRequest;

/** What a partner's authenticated message asks of Passage, by its envelope's Action; the inbound route chooses on it. */
public enum InboundAction {
    /** A signed receipt for one of our messages. */
    RECEIPT,
    /** The partner accepted or rejected one of our notices. */
    RESPONSE,
    /** A partner's notice for Canada. */
    NOTICE,
    /** A partner's updated notice, superseding the one its RefToMessageId carried. */
    UPDATE,
    /** A partner withdraws a notice it sent, or asks that it be deleted or corrected. */
    LIFECYCLE_REQUEST;

    static InboundAction of(String action) {
        return switch (action == null ? "" : action) {
            case EnvelopeHeader.ACTION_RECEIPT -> RECEIPT;
            case BusinessResponse.ACTION -> RESPONSE;
            case EnvelopeHeader.ACTION_NOTIFY -> NOTICE;
            case EnvelopeHeader.ACTION_UPDATE -> UPDATE;
            default -> {
                if (LifecycleRequest.Kind.ofAction(action) != null) {
                    yield LIFECYCLE_REQUEST;
                }
                throw new InboundRefusal(RefusalCode.UNKNOWN_ACTION,
                        "action " + action + " is not one Passage serves");
            }
        };
    }
}
