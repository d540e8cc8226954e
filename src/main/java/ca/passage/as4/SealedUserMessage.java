package ca.passage.as4;

import java.util.List;

/**
 * A signed and encrypted UserMessage ready to post, with the references its signature covers, to be checked
 * against the receipt's NonRepudiationInformation.
 */
public record SealedUserMessage(String messageId, As4Packet packet, List<As4Reference> signedReferences) {
    public SealedUserMessage {
        signedReferences = List.copyOf(signedReferences);
    }
}
