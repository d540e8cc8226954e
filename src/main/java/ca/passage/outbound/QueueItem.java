package ca.passage.outbound;

/** One message for a partner's outbound queue: the id of the exchange or response to deliver, and its kind. */
public record QueueItem(String partnerId, String id, DeliveryKind kind) {

    public static QueueItem notice(String partnerId, String exchangeId) {
        return new QueueItem(partnerId, exchangeId, DeliveryKind.NOTICE);
    }

    public static QueueItem response(String partnerId, String responseId) {
        return new QueueItem(partnerId, responseId, DeliveryKind.RESPONSE);
    }
}
