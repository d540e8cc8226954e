package ca.passage.inbound;

import ca.passage.envelope.EnvelopeHeader;
import ca.passage.partner.PartnerProfile;
import org.w3c.dom.Document;

/**
 * A partner's message as it moves through the inbound route, one field filled per step: the raw bytes and their
 * digest, the partner its header claims (identify), then the decrypted and verified document, its header and
 * action (open).
 */
public record InboundMessage(byte[] raw, String digest, PartnerProfile partner, Document document,
                             EnvelopeHeader header, InboundAction action) {

    static InboundMessage identified(byte[] raw, String digest, PartnerProfile partner) {
        return new InboundMessage(raw, digest, partner, null, null, null);
    }

    InboundMessage opened(Document document, EnvelopeHeader header) {
        return new InboundMessage(raw, digest, partner, document, header, InboundAction.of(header.action()));
    }
}
