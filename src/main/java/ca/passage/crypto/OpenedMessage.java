package ca.passage.crypto;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A decrypted message whose signature verified against the sender's pinned certificate.
 *
 * @param document          the whole decrypted envelope (the ds:Signature is still its last child)
 * @param header            the signed env:Header, a direct child of env:Message
 * @param payload           the signed env:Payload (decrypted), a direct child of env:Message
 * @param signerFingerprint SHA-256 fingerprint of the pinned certificate that verified the signature
 * @param profile           name of the crypto profile the message used
 */
public record OpenedMessage(Document document, Element header, Element payload, String signerFingerprint,
                            String profile) {

    /** Text of a header field (local name in the envelope namespace), or null. */
    public String headerField(String localName) {
        return EnvelopeDom.childText(header, localName);
    }
}
