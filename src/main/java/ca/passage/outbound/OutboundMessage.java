package ca.passage.outbound;

import ca.passage.channel.as4.As4Delivery;
import ca.passage.ledger.ExchangeRecord;
import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.translate.TranslatedPayload;
import org.w3c.dom.Document;

/**
 * What travels through the outbound route, one field filled per step: the exchange, the notice, the
 * partner-format payload, the envelope, the sealed bytes, and the partner's answer; for an {@code as4} partner
 * also the sealed UserMessage and its answer ({@code as4}, null otherwise).
 */
public record OutboundMessage(ExchangeRecord exchange, PartnerProfile partner, CaseNotice notice,
                              TranslatedPayload payload, Document envelope, byte[] sealed, String sealedDigest,
                              byte[] answer, As4Delivery as4) {

    public static OutboundMessage start(ExchangeRecord exchange, PartnerProfile partner, CaseNotice notice) {
        return new OutboundMessage(exchange, partner, notice, null, null, null, null, null, null);
    }

    public OutboundMessage withPayload(TranslatedPayload p) {
        return new OutboundMessage(exchange, partner, notice, p, envelope, sealed, sealedDigest, answer, as4);
    }

    public OutboundMessage withEnvelope(Document e) {
        return new OutboundMessage(exchange, partner, notice, payload, e, sealed, sealedDigest, answer, as4);
    }

    public OutboundMessage withSealed(byte[] bytes, String digest) {
        return new OutboundMessage(exchange, partner, notice, payload, envelope, bytes, digest, answer, as4);
    }

    public OutboundMessage withAs4(As4Delivery d) {
        return new OutboundMessage(exchange, partner, notice, payload, envelope, sealed, sealedDigest, answer, d);
    }

    public OutboundMessage withAnswer(byte[] a) {
        return new OutboundMessage(exchange, partner, notice, payload, envelope, sealed, sealedDigest, a, as4);
    }
}
