package ca.passage.outbound;

import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.ExchangeRecord;
import ca.passage.translate.TranslatedPayload;
import org.w3c.dom.Document;

/**
 * What travels through the outbound route, one field filled per step: what is delivered (a notice's exchange or
 * a domestic response), the partner, for a notice the notice and its partner-format payload, then the envelope,
 * the sealed bytes, and the partner's answer.
 */
public record OutboundMessage(Subject subject, PartnerProfile partner, CaseNotice notice, TranslatedPayload payload,
                              Document envelope, byte[] sealed, String sealedDigest, byte[] answer) {

    /** What a delivery is for; its records change when the message is sent, acknowledged, or fails. */
    public sealed interface Subject permits NoticeExchange, Response {
        String messageId();
    }

    /** A Canadian notice on its way to one partner. */
    public record NoticeExchange(ExchangeRecord exchange) implements Subject {
        @Override
        public String messageId() {
            return exchange.messageId();
        }
    }

    /** The domestic side's business response to a partner's notice. */
    public record Response(DomesticResponseRecord response) implements Subject {
        @Override
        public String messageId() {
            return response.messageId();
        }
    }

    public static OutboundMessage notice(ExchangeRecord exchange, PartnerProfile partner, CaseNotice notice) {
        return new OutboundMessage(new NoticeExchange(exchange), partner, notice, null, null, null, null, null);
    }

    public static OutboundMessage response(DomesticResponseRecord response, PartnerProfile partner, Document envelope) {
        return new OutboundMessage(new Response(response), partner, null, null, envelope, null, null, null);
    }

    /** The exchange of a notice delivery. */
    public ExchangeRecord exchange() {
        if (subject instanceof NoticeExchange n) {
            return n.exchange();
        }
        throw new IllegalStateException("a " + subject.getClass().getSimpleName() + " delivery has no notice exchange");
    }

    public OutboundMessage withPayload(TranslatedPayload p) {
        return new OutboundMessage(subject, partner, notice, p, envelope, sealed, sealedDigest, answer);
    }

    public OutboundMessage withEnvelope(Document e) {
        return new OutboundMessage(subject, partner, notice, payload, e, sealed, sealedDigest, answer);
    }

    public OutboundMessage withSealed(byte[] bytes, String digest) {
        return new OutboundMessage(subject, partner, notice, payload, envelope, bytes, digest, answer);
    }

    public OutboundMessage withAnswer(byte[] a) {
        return new OutboundMessage(subject, partner, notice, payload, envelope, sealed, sealedDigest, a);
    }
}
