package ca.passage.inbound;

import ca.passage.as4.EbmsErrorCode;

/** A refused inbound message, with the ebMS error to answer and the code to audit. */
public class InboundRefusal extends RuntimeException {

    private final EbmsErrorCode error;
    private final String auditCode;

    InboundRefusal(EbmsErrorCode error, String auditCode, String message) {
        super(message);
        this.error = error;
        this.auditCode = auditCode;
    }

    EbmsErrorCode error() {
        return error;
    }

    /** The code audited and named in the answer: a {@code RefusalCode} name or an inbound-only code. */
    public String auditCode() {
        return auditCode;
    }
}
