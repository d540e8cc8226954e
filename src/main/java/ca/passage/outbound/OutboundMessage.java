package ca.passage.outbound;

import ca.passage.store.ExchangeRecord;
import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.translate.TranslatedPayload;
import org.w3c.dom.Document;

/**
 * What travels through the outbound route, one field filled per step: the exchange, the notice, the
 * partner-format payload, the envelope, the sealed bytes, and the partner's answer.
 */
public record OutboundMessage(ExchangeRecord exchange, PartnerProfile partner, CaseNotice notice,
                              TranslatedPayload payload, Document envelope, byte[] sealed, String sealedDigest,
                              byte[] answer) {

    public static OutboundMessage start(ExchangeRecord exchange, PartnerProfile partner, CaseNotice notice) {
        return new OutboundMessage(exchange, partner, notice, null, null, null, null, null);
    }

    public OutboundMessage withPayload(TranslatedPayload p) {
        return new OutboundMessage(exchange, partner, notice, p, envelope, sealed, sealedDigest, answer);
    }

    public OutboundMessage withEnvelope(Document e) {
        return new OutboundMessage(exchange, partner, notice, payload, e, sealed, sealedDigest, answer);
    }

    public OutboundMessage withSealed(byte[] bytes, String digest) {
        return new OutboundMessage(exchange, partner, notice, payload, envelope, bytes, digest, answer);
    }

    public OutboundMessage withAnswer(byte[] a) {
        return new OutboundMessage(exchange, partner, notice, payload, envelope, sealed, sealedDigest, a);
    }
}
