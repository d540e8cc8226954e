package ca.passage.outbound;

import ca.passage.channel.as4.As4Delivery;
import ca.passage.ledger.AuditEvent;
import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.ExchangeRecord;
import ca.passage.translate.TranslatedPayload;
import org.w3c.dom.Document;

import java.util.List;

/**
 * What travels through the outbound route, one field filled per step: what is delivered (a notice's exchange or
 * a domestic response), the partner, for a notice the notice and its partner-format payload, then the envelope,
 * the sealed bytes, and the partner's answer; for a notice to an {@code as4} partner also the sealed UserMessage and
 * its answer ({@code as4}, null otherwise). {@code policyAudit} holds what the sharing policy did to this message
 * (removals, redactions) as audit events still to be written: the {@link DeliveryEngine} writes them in the
 * transaction that archives the message before it leaves, instead of one transaction each.
 */
public record OutboundMessage(Subject subject, PartnerProfile partner, CaseNotice notice, TranslatedPayload payload,
                              List<AuditEvent> policyAudit, Document envelope, byte[] sealed, String sealedDigest,
                              byte[] answer, As4Delivery as4) {

    public OutboundMessage {
        policyAudit = List.copyOf(policyAudit);
    }

    /** What a delivery is for; its records change when the message is sent, acknowledged, or fails. */
    public sealed interface Subject permits NoticeExchange, Response {
        String messageId();
    }

    /**
     * An exchange of a Canadian notice with one partner: the notice itself, an update that supersedes an earlier
     * version, or a lifecycle request about it (withdrawal, deletion, correction; see {@link ExchangeRecord#kind()}).
     */
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
        return new OutboundMessage(new NoticeExchange(exchange), partner, notice, null, List.of(), null, null, null, null,
                null);
    }

    public static OutboundMessage response(DomesticResponseRecord response, PartnerProfile partner, Document envelope) {
        return new OutboundMessage(new Response(response), partner, null, null, List.of(), envelope, null, null, null,
                null);
    }

    /** The exchange of a notice delivery. */
    public ExchangeRecord exchange() {
        if (subject instanceof NoticeExchange n) {
            return n.exchange();
        }
        throw new IllegalStateException("a " + subject.getClass().getSimpleName() + " delivery has no notice exchange");
    }

    /** True for an exchange that carries a whole notice (translated, then wrapped); false for a lifecycle request or a response. */
    public boolean carriesNotice() {
        return subject instanceof NoticeExchange n && n.exchange().kind().carriesNotice();
    }

    /** The partner-format payload and the audit events of what the sharing policy did to it. */
    public OutboundMessage withPayload(TranslatedPayload p, List<AuditEvent> audit) {
        return new OutboundMessage(subject, partner, notice, p, audit, envelope, sealed, sealedDigest, answer, as4);
    }

    public OutboundMessage withEnvelope(Document e) {
        return new OutboundMessage(subject, partner, notice, payload, policyAudit, e, sealed, sealedDigest, answer, as4);
    }

    public OutboundMessage withSealed(byte[] bytes, String digest) {
        return new OutboundMessage(subject, partner, notice, payload, policyAudit, envelope, bytes, digest, answer, as4);
    }

    public OutboundMessage withAs4(As4Delivery d) {
        return new OutboundMessage(subject, partner, notice, payload, policyAudit, envelope, sealed, sealedDigest, answer,
                d);
    }

    public OutboundMessage withAnswer(byte[] a) {
        return new OutboundMessage(subject, partner, notice, payload, policyAudit, envelope, sealed, sealedDigest, a,
                as4);
    }
}
