package ca.passage.inbound;

import ca.passage.channel.DeliveryException;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.Direction;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeStore;
import ca.passage.store.MessageArchive;
import ca.passage.store.NoticeRecord;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The domestic side's answer to a partner's notice: accepted, or rejected with a code and text. The answer is
 * recorded first (so it is never lost), then delivered as a signed, encrypted business response with a fixed
 * message id, and retried with the partner's back-off until the partner's signed receipt for it verifies.
 */
public final class DomesticResponse {

    private final ExchangeStore store;
    private final DomesticResponseStore responses;
    private final PartnerRegistry partners;
    private final TrustStore trust;
    private final MessageSealer sealer;
    private final MessageOpener opener;
    private final PartnerHttpChannel channel;
    private final MessageArchive archive;
    private final Clock clock;

    public DomesticResponse(ExchangeStore store, DomesticResponseStore responses, PartnerRegistry partners,
                            TrustStore trust, MessageSealer sealer, MessageOpener opener, PartnerHttpChannel channel,
                            MessageArchive archive, Clock clock) {
        this.store = store;
        this.responses = responses;
        this.partners = partners;
        this.trust = trust;
        this.sealer = sealer;
        this.opener = opener;
        this.channel = channel;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * Records the answer for delivery.
     *
     * @throws NoSuchElementException   no such inbound notice
     * @throws IllegalArgumentException a Canadian notice, or a rejection without a code
     */
    public DomesticResponseRecord record(String noticeId, BusinessResponse response, String officer) {
        NoticeRecord notice = store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        if (!notice.isInbound()) {
            throw new IllegalArgumentException("notice " + noticeId + " is Canadian: only a partner's notice gets a business response");
        }
        if (response.rejected() && (response.errorCode() == null || response.errorCode().isBlank())) {
            throw new IllegalArgumentException("a rejection needs an error code");
        }
        ExchangeRecord received = store.exchangesOf(noticeId).stream().filter(e -> e.direction() == Direction.IN)
                .findFirst().orElseThrow(() -> new NoSuchElementException("no inbound exchange for " + noticeId));
        Instant now = clock.instant();
        String responseId = "R-" + UUID.randomUUID();
        DomesticResponseRecord r = new DomesticResponseRecord(responseId, noticeId, received.partnerId(),
                received.exchangeId(), responseId.substring(2) + "@passage.gc.ca", response.status(),
                response.errorCode(), response.description(), officer, DomesticResponseRecord.PENDING, 0, null, now,
                now, null, null);
        responses.record(r, audit(r, officer, AuditAction.DOMESTIC_RESPONSE_RECORDED, response.status(), response.errorCode()));
        return r;
    }

    /** Responses due for an attempt now (the route delivers each). */
    public List<String> due() {
        return responses.due().stream().map(DomesticResponseRecord::responseId).toList();
    }

    /** One delivery attempt; a failure is kept for the next one, with the partner's back-off. */
    public void deliver(String responseId) {
        DomesticResponseRecord r = responses.find(responseId).orElseThrow();
        if (!DomesticResponseRecord.PENDING.equals(r.state())) {
            return;
        }
        PartnerProfile partner = partners.get(r.partnerId());
        TrustStore.PartnerSecurity security = trust.of(partner.id());
        ExchangeRecord received = store.findExchange(r.inboundExchangeId()).orElseThrow();
        NoticeRecord notice = store.findNotice(r.noticeId()).orElseThrow();
        EnvelopeHeader header = new EnvelopeHeader(r.messageId(), received.conversationId(), received.messageId(),
                EnvelopeHeader.GATEWAY_ID, partner.id(), EnvelopeHeader.SERVICE_NOTICE, BusinessResponse.ACTION,
                clock.instant(), notice.handlingCode(), BusinessResponse.FORMAT);
        byte[] sealed = sealer.seal(Envelope.build(header,
                new BusinessResponse(r.status(), r.errorCode(), r.description()).payload()), security.trust(), security.profile());
        archive.store(MessageArchive.Direction.SENT, partner.id(), r.messageId(), r.inboundExchangeId(), sealed);
        try {
            byte[] answer = channel.post(partner.channel().endpoint(), sealed);
            Receipt receipt = Receipt.read(opener.open(answer, security.trust(), security.profile()).document());
            if (!r.messageId().equals(receipt.header().refToMessageId())
                    || !receipt.receivedDigest().equalsIgnoreCase(Digests.sha256(sealed))) {
                throw new DeliveryException("the partner's receipt does not match the response sent");
            }
            responses.markSent(responseId, Digests.sha256(answer),
                    audit(r, "system", AuditAction.DOMESTIC_RESPONSE_SENT, r.status(), r.errorCode()).withDigest(Digests.sha256(sealed)));
        } catch (SecurityRefusal | EnvelopeException | DeliveryException e) {
            boolean last = r.attempts() + 1 >= partner.retry().maxAttempts();
            responses.recordFailure(responseId, e.getMessage(), last, partner.retry().delayBefore(r.attempts() + 1),
                    audit(r, "system", AuditAction.DOMESTIC_RESPONSE_FAILED, "FAILED", "DELIVERY_FAILURE"));
        }
    }

    private static AuditEvent audit(DomesticResponseRecord r, String actor, AuditAction action, String outcome, String code) {
        return AuditEvent.exchange(null, actor, action, r.noticeId(), r.inboundExchangeId(), r.messageId(), r.partnerId())
                .withOutcome(outcome, code);
    }
}
