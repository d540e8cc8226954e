package ca.passage.inbound;

import ca.passage.envelope.EnvelopeHeader;
import ca.passage.partner.PartnerProfile;
import org.w3c.dom.Document;

/**
 * A partner's message as it moves through the inbound route, one field filled per step: the raw bytes and their
 * digest, the partner its header claims (identify), then the decrypted and verified document, its header and
 * action (open); for a duplicate of a message already accepted, the answer it got then.
 */
public record InboundMessage(byte[] raw, String digest, PartnerProfile partner, Document document,
                             EnvelopeHeader header, InboundAction action, InboundAnswer original) {

    static InboundMessage identified(byte[] raw, String digest, PartnerProfile partner) {
        return new InboundMessage(raw, digest, partner, null, null, null, null);
    }

    InboundMessage opened(Document document, EnvelopeHeader header) {
        return new InboundMessage(raw, digest, partner, document, header, InboundAction.of(header.action()), null);
    }

    /** A message already accepted: {@code original} is the answer it got then, and gets again. */
    InboundMessage duplicateOf(InboundAnswer original) {
        return new InboundMessage(raw, digest, partner, document, header, action, original);
    }

    /** True when this message was accepted before (the route answers it with its original answer, nothing more). */
    public boolean duplicate() {
        return original != null;
    }
}
