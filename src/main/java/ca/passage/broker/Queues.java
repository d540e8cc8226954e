package ca.passage.broker;

/** Queue names, in one place. */
public final class Queues {
    public static final String DEAD_LETTER = "DLQ.outbound";
    public static final String INBOUND_DOMESTIC = "inbound.domestic";
    public static final String INBOUND_PARTNERS = "inbound.partners";

    private Queues() {
    }

    public static String outbound(String partnerId) {
        return "outbound." + partnerId;
    }
}
