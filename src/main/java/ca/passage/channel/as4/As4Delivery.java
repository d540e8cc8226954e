package ca.passage.channel.as4;

import ca.passage.as4.As4Packet;
import ca.passage.as4.SealedUserMessage;

/** One AS4 delivery attempt as it moves through the outbound steps: what we sealed and, once posted, the answer. */
public record As4Delivery(SealedUserMessage sealed, As4Packet answer) {
    public As4Delivery withAnswer(As4Packet a) {
        return new As4Delivery(sealed, a);
    }
}
