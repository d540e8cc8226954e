package ca.passage.outbound;

import ca.passage.store.Direction;
import ca.passage.ledger.AuditAction;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.ledger.AuditEvent;
import ca.passage.partner.PartnerRegistry;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The domestic side's answer to a partner's notice: accepted, or rejected with a code and text. The answer is
 * recorded first (so it is never lost), then queued on the partner's outbound queue and delivered by the
 * {@link DeliveryEngine} like a notice: a signed, encrypted business response with a fixed message id, redelivered
 * by the broker with the partner's back-off until the partner's signed receipt for it verifies.
 */
public final class DomesticResponses {

    private final ExchangeStore store;
    private final DomesticResponseStore responses;
    private final PartnerRegistry partners;
    private final Clock clock;

    public DomesticResponses(ExchangeStore store, DomesticResponseStore responses, PartnerRegistry partners,
                             Clock clock) {
        this.store = store;
        this.responses = responses;
        this.partners = partners;
        this.clock = clock;
    }

    /**
     * Records the answer for delivery; the route queues what this returns.
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

    /**
     * Starts a delivery attempt: the business response in its envelope, answering the partner's message; empty
     * when it is already delivered or given up.
     */
    public Optional<OutboundMessage> startAttempt(String responseId) {
        Optional<DomesticResponseRecord> found = responses.find(responseId).filter(DomesticResponseRecord::open);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DomesticResponseRecord r = found.get();
        ExchangeRecord received = store.findExchange(r.inboundExchangeId()).orElseThrow();
        NoticeRecord notice = store.findNotice(r.noticeId()).orElseThrow();
        EnvelopeHeader header = new EnvelopeHeader(r.messageId(), received.conversationId(), received.messageId(),
                EnvelopeHeader.GATEWAY_ID, r.partnerId(), EnvelopeHeader.SERVICE_NOTICE, BusinessResponse.ACTION,
                clock.instant(), notice.handlingCode(), BusinessResponse.FORMAT);
        return Optional.of(OutboundMessage.response(r, partners.get(r.partnerId()), Envelope.build(header,
                new BusinessResponse(r.status(), r.errorCode(), r.description()).payload())));
    }

    /** Dead letter: the broker gave up after the partner's retry limit. */
    public void markFailed(String responseId) {
        responses.find(responseId).filter(DomesticResponseRecord::open).ifPresent(r ->
                responses.markFailed(responseId, audit(r, "system", AuditAction.DOMESTIC_RESPONSE_FAILED, "FAILED",
                        "DELIVERY_FAILURE")));
    }

    public List<DomesticResponseRecord> ofNotice(String noticeId) {
        return responses.ofNotice(noticeId);
    }

    static AuditEvent audit(DomesticResponseRecord r, String actor, AuditAction action, String outcome, String code) {
        return AuditEvent.exchange(null, actor, action, r.noticeId(), r.inboundExchangeId(), r.messageId(), r.partnerId())
                .withOutcome(outcome, code);
    }
}
