package ca.passage.outbound;

/**
 * What a message on a partner's outbound queue is for: a Canadian notice's exchange, or the domestic side's
 * business response to a partner's notice. Both go through the same route and delivery engine; the kind travels
 * as the JMS header {@link #HEADER} so the route knows which record to start from.
 */
public enum DeliveryKind {
    NOTICE,
    RESPONSE;

    public static final String HEADER = "passageKind";
}
