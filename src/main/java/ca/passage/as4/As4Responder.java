package ca.passage.as4;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The receiving side of one push: opens the UserMessage, delivers it once, and answers with our signed receipt;
 * a duplicate (same MessageId again, the sender retrying) gets a receipt again but is not delivered twice; a
 * message that cannot be accepted gets an ebMS Error signal.
 */
public final class As4Responder {
    /** Takes an accepted message; throws {@link As4Exception} to refuse it (answered as an ebMS error). */
    @FunctionalInterface
    public interface Delivery {
        void deliver(ReceivedUserMessage message);
    }

    /** The answer and what became of the message. */
    public record Answer(As4Packet packet, Outcome outcome, ReceivedUserMessage message, As4Exception refusal) {
    }

    public enum Outcome { DELIVERED, DUPLICATE, REFUSED }

    private final As4Codec codec;

    public As4Responder(As4Codec codec) {
        this.codec = codec;
    }

    /**
     * @param sender    the agreement and keys of the claimed sender
     * @param firstTime records a MessageId and says whether it is new
     * @param delivery  hands an accepted message on (before the receipt goes out: nothing acknowledged is lost)
     */
    public Answer answer(As4Packet request, Function<As4UserMessage, As4Inbound> sender, Predicate<String> firstTime,
                         Delivery delivery) {
        ReceivedUserMessage received;
        As4Inbound inbound;
        try {
            As4Inbound[] resolved = new As4Inbound[1];
            received = codec.open(request, header -> resolved[0] = sender.apply(header));
            inbound = resolved[0];
        } catch (As4Exception refusal) {
            return new Answer(codec.error(refusal), Outcome.REFUSED, null, refusal);
        }
        String messageId = received.message().messageId();
        Outcome outcome = Outcome.DUPLICATE;
        if (firstTime.test(messageId)) {
            try {
                delivery.deliver(received);
            } catch (As4Exception refusal) {
                As4Exception withRef = refusal.withRef(messageId);
                return new Answer(codec.error(withRef), Outcome.REFUSED, received, withRef);
            }
            outcome = Outcome.DELIVERED;
        }
        As4Packet receipt = codec.receipt(received, inbound.keys(), inbound.agreement().cryptoVariant());
        return new Answer(receipt, outcome, received, null);
    }
}
