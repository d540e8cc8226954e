package ca.passage.broker;

/** Queue names, in one place. */
public final class Queues {
    public static final String DEAD_LETTER = "DLQ.outbound";
    /** Where an inbound message that keeps failing ends up (no consumer: an operator looks at it). */
    public static final String DEAD_LETTER_INBOUND = "DLQ.inbound";
    /** Where an expired message would go; nothing sets an expiry today, the address keeps the broker explicit. */
    public static final String EXPIRED = "ExpiryQueue";
    public static final String INBOUND_DOMESTIC = "inbound.domestic";
    public static final String INBOUND_PARTNERS = "inbound.partners";

    private Queues() {
    }

    public static String outbound(String partnerId) {
        return "outbound." + partnerId;
    }
}
