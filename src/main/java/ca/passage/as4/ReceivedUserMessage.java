package ca.passage.as4;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A UserMessage whose signature verified against the partner's pinned certificate and whose attachments were
 * decrypted and decompressed; {@code signedReferences} go into our receipt's NonRepudiationInformation.
 */
public record ReceivedUserMessage(As4UserMessage message, List<As4Reference> signedReferences,
                                  X509Certificate signer) {
    public ReceivedUserMessage {
        signedReferences = List.copyOf(signedReferences);
    }
}
