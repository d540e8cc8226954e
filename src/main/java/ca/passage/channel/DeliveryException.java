package ca.passage.channel;

/** A delivery attempt that failed and may succeed later (the broker redelivers with back-off). */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message) {
        super(message);
    }
}
