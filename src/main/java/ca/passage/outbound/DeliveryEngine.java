package ca.passage.outbound;

import ca.passage.ledger.AuditAction;
import ca.passage.channel.DeliveryException;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.Digests;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.Receipt;
import ca.passage.outbound.OutboundMessage.NoticeExchange;
import ca.passage.outbound.OutboundMessage.Response;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.MessageArchive;
import ca.passage.store.Transition;

import java.util.EnumSet;

/**
 * The one way a message leaves for a partner, whatever it carries: seal → archive → post → verify the partner's
 * receipt. The outbound route calls one method per step for notices and domestic responses alike. A failed step
 * is recorded and rethrown: the broker's redelivery with the partner's back-off is the only retry layer, and its
 * dead-letter queue the only "gave up".
 */
public final class DeliveryEngine {

    private final ExchangeStore exchanges;
    private final DomesticResponseStore responses;
    private final TrustStore trust;
    private final MessageSealer sealer;
    private final MessageOpener opener;
    private final PartnerHttpChannel channel;
    private final MessageArchive archive;

    public DeliveryEngine(ExchangeStore exchanges, DomesticResponseStore responses, TrustStore trust,
                          MessageSealer sealer, MessageOpener opener, PartnerHttpChannel channel,
                          MessageArchive archive) {
        this.exchanges = exchanges;
        this.responses = responses;
        this.trust = trust;
        this.sealer = sealer;
        this.opener = opener;
        this.channel = channel;
        this.archive = archive;
    }

    /** Signed and encrypted for the partner; there is no other way out. */
    public OutboundMessage seal(OutboundMessage m) {
        TrustStore.PartnerSecurity security = trust.of(m.partner().id());
        byte[] sealed = sealer.seal(m.envelope(), security.trust(), security.profile());
        return m.withSealed(sealed, Digests.sha256(sealed));
    }

    /**
     * On the wire, after the exact bytes are in the encrypted message archive (nothing leaves without its copy).
     * A failure is recorded and rethrown so the broker redelivers with back-off.
     */
    public OutboundMessage post(OutboundMessage m) {
        archive.store(MessageArchive.Direction.SENT, m.partner().id(), m.subject().messageId(), archiveRef(m), m.sealed());
        byte[] answer;
        try {
            answer = channel.post(m.partner().channel().endpoint(), m.sealed());
        } catch (DeliveryException e) {
            attemptFailed(m, e.getMessage());
            throw e;
        }
        if (m.subject() instanceof NoticeExchange n) {
            ExchangeRecord e = n.exchange();
            exchanges.transition(new Transition(e.exchangeId(), EnumSet.of(ExchangeState.SENDING), ExchangeState.SENT,
                    false, null, m.sealedDigest(), null, OutboundSteps.audit(e, AuditAction.MESSAGE_SENT, "OK", null)
                    .withDisclosure(m.notice().legalBasis().instrument(), m.payload().handlingCode().name())
                    .withDigest(m.sealedDigest())));
        }
        return m.withAnswer(answer);
    }

    /**
     * The partner's signed receipt, verified against its pinned certificate, for exactly the bytes sent, closes the
     * delivery. A partner that answers a notice without one (HTTP 202, empty body) sends it later to the inbound
     * endpoint; until then the exchange stays SENT and the acknowledgement monitor watches its timeout. A domestic
     * response needs its receipt in the answer.
     */
    public void acceptReceipt(OutboundMessage m) {
        if (m.answer() == null || m.answer().length == 0) {
            if (m.subject() instanceof Response) {
                failAttempt(m, "the partner answered without a receipt");
            }
            return;
        }
        archive.store(MessageArchive.Direction.RECEIVED, m.partner().id(), m.subject().messageId(), archiveRef(m),
                m.answer());
        Receipt receipt;
        try {
            TrustStore.PartnerSecurity security = trust.of(m.partner().id());
            receipt = Receipt.read(opener.open(m.answer(), security.trust(), security.profile()).document());
        } catch (SecurityRefusal | EnvelopeException ex) {
            failAttempt(m, "invalid receipt: " + ex.getMessage());
            return;
        }
        if (!m.subject().messageId().equals(receipt.header().refToMessageId())
                || !receipt.receivedDigest().equalsIgnoreCase(m.sealedDigest())) {
            failAttempt(m, "receipt does not match the message sent (RefToMessageId or digest differs)");
        }
        String receiptDigest = Digests.sha256(m.answer());
        if (m.subject() instanceof NoticeExchange n) {
            exchanges.transition(Transition.of(n.exchange().exchangeId(), EnumSet.of(ExchangeState.SENT),
                    ExchangeState.ACKNOWLEDGED, OutboundSteps.audit(n.exchange(), AuditAction.RECEIPT_ACCEPTED, "OK", null)
                            .withDigest(receiptDigest)).withReceiptDigest(receiptDigest));
        } else if (m.subject() instanceof Response r) {
            DomesticResponseRecord response = r.response();
            responses.markSent(response.responseId(), receiptDigest, DomesticResponses.audit(response, "system",
                    AuditAction.DOMESTIC_RESPONSE_SENT, response.status(), response.errorCode()).withDigest(m.sealedDigest()));
        }
    }

    private void failAttempt(OutboundMessage m, String reason) {
        attemptFailed(m, reason);
        throw new DeliveryException(reason);
    }

    /**
     * A failed attempt: a notice's exchange goes back to QUEUED (the broker redelivers after the partner's back-off)
     * with the reason kept for operators and the attempt audited; a response keeps its reason and attempt count.
     */
    private void attemptFailed(OutboundMessage m, String reason) {
        if (m.subject() instanceof NoticeExchange n) {
            exchanges.transition(Transition.of(n.exchange().exchangeId(),
                    EnumSet.of(ExchangeState.SENDING, ExchangeState.SENT), ExchangeState.QUEUED,
                    OutboundSteps.audit(n.exchange(), AuditAction.DELIVERY_ATTEMPT, "FAILED", "DELIVERY_FAILURE")).withError(reason));
        } else if (m.subject() instanceof Response r) {
            responses.recordAttemptFailed(r.response().responseId(), reason);
        }
    }

    /** The archive row's exchange reference: the notice's exchange, or the inbound exchange a response answers. */
    private static String archiveRef(OutboundMessage m) {
        return m.subject() instanceof Response r ? r.response().inboundExchangeId() : m.exchange().exchangeId();
    }
}
