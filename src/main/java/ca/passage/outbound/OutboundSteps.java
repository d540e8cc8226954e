package ca.passage.outbound;

import ca.passage.ledger.AuditAction;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.ExchangeKind;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeLifecycle;
import ca.passage.store.NoticeRecord;
import ca.passage.store.Transition;
import ca.passage.notice.NoticeParser;
import ca.passage.intake.PayloadDigests;
import ca.passage.partner.DataCategory;
import ca.passage.partner.FreeTextScreener;
import ca.passage.partner.PartnerRegistry;
import ca.passage.translate.TranslatedPayload;
import ca.passage.translate.TranslatorRegistry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exchange steps of the outbound route, one method each, in route order (sealing, posting and the
 * receipt are the {@link DeliveryEngine}'s, shared with domestic responses). Each is safe to repeat: the broker may
 * redeliver after a crash, and a repeated step either finds the exchange already past it or redoes it with the
 * same message id, which the partner de-duplicates.
 */
public final class OutboundSteps {

    private static final EnumSet<ExchangeState> SENDABLE =
            EnumSet.of(ExchangeState.RECEIVED, ExchangeState.QUEUED, ExchangeState.SENDING, ExchangeState.SENT,
                    ExchangeState.ACK_OVERDUE);

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final NoticeParser notices;
    private final TranslatorRegistry translators;
    private final Clock clock;
    private final PayloadDigests payloads;

    public OutboundSteps(ExchangeStore store, PartnerRegistry partners, NoticeParser notices,
                         TranslatorRegistry translators, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.notices = notices;
        this.translators = translators;
        this.clock = clock;
        this.payloads = new PayloadDigests(store, partners, notices, translators);
    }

    /** Step 1: claim the exchange for a delivery attempt; empty when there is nothing (left) to send. */
    public Optional<OutboundMessage> startAttempt(String exchangeId) {
        Optional<ExchangeRecord> found = store.findExchange(exchangeId);
        if (found.isEmpty() || !SENDABLE.contains(found.get().state())) {
            return Optional.empty();
        }
        ExchangeRecord e = found.get();
        if (e.kind().carriesNotice() && LifecycleRequests.notYetSent(e) && store.lifecycleOf(e.noticeId())
                .map(l -> l.state() == NoticeLifecycle.State.WITHDRAWN || l.state() == NoticeLifecycle.State.SUPERSEDED)
                .orElse(false)) {
            // withdrawn or superseded while this delivery waited: it never leaves
            store.transition(LifecycleRequests.cancel(e, "system", store.lifecycleOf(e.noticeId()).orElseThrow().state().name()));
            return Optional.empty();
        }
        boolean claimed = store.transition(Transition.of(e.exchangeId(), SENDABLE, ExchangeState.SENDING,
                audit(e, AuditAction.DELIVERY_ATTEMPT, "STARTED", null)).countingAttempt());
        if (!claimed) {
            return Optional.empty();
        }
        NoticeRecord stored = store.findNotice(e.noticeId()).orElseThrow();
        OutboundMessage m = OutboundMessage.notice(e, partners.get(e.partnerId()), notices.readStored(stored.content()));
        Optional<String> approved = store.approvedPayloadDigest(e.exchangeId());
        if (approved.isPresent()) {
            String now = payloads.of(m.notice(), m.partner());
            if (!now.equals(approved.get())) {
                store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENDING),
                        ExchangeState.PENDING_APPROVAL, audit(e, AuditAction.APPROVAL_INVALIDATED, "PENDING_APPROVAL",
                                "PAYLOAD_CHANGED")).withError("held for a supervisor again: the payload that would "
                        + "leave now (digest " + now + ") is not the one approved (digest " + approved.get()
                        + "); the partner's profile or the sharing policy changed since the approval"));
                return Optional.empty();
            }
        }
        return Optional.of(m);
    }



    /**
     * Step 2: the partner's format, after its sharing agreement. What the agreement removed or generalised is
     * audited as category codes (e.g. {@code REMOVED:VI,CD}), never as content: the events travel with the message
     * and are written (and stamped by the ledger) with its archive copy, before it leaves (see
     * {@link DeliveryEngine#post}).
     */
    public OutboundMessage translate(OutboundMessage m) {
        TranslatedPayload payload = translators.forFormat(m.partner().format()).toPartner(m.notice(), m.partner());
        List<AuditEvent> policyAudit = new ArrayList<>(2);
        if (!payload.removedCategories().isEmpty()) {
            String removed = payload.removedCategories().stream().map(DataCategory::code).sorted()
                    .collect(Collectors.joining(","));
            policyAudit.add(audit(m.exchange(), AuditAction.POLICY_APPLIED, "FILTERED", "REMOVED:" + removed)
                    .withDisclosure(payload.disclosureBasis(), payload.handlingCode().name()));
        }
        if (!payload.redactedKinds().isEmpty()) {
            String redacted = payload.redactedKinds().stream().map(FreeTextScreener.Kind::code).sorted()
                    .collect(Collectors.joining(","));
            policyAudit.add(audit(m.exchange(), AuditAction.FREE_TEXT_REDACTED, "REDACTED", "REDACTED:" + redacted)
                    .withDisclosure(payload.disclosureBasis(), payload.handlingCode().name()));
        }
        return m.withPayload(payload, policyAudit);
    }

    /**
     * Step 3: the envelope, with the exchange's stable message id. An update is Action {@code Update} and refers to
     * the message that carried the version it supersedes.
     */
    public OutboundMessage wrap(OutboundMessage m) {
        boolean update = m.exchange().kind() == ExchangeKind.UPDATE;
        EnvelopeHeader header = new EnvelopeHeader(m.exchange().messageId(), m.exchange().conversationId(),
                update ? m.exchange().refMessageId() : null, EnvelopeHeader.GATEWAY_ID, m.partner().id(),
                EnvelopeHeader.SERVICE_NOTICE, update ? EnvelopeHeader.ACTION_UPDATE : EnvelopeHeader.ACTION_NOTIFY,
                clock.instant(), m.payload().handlingCode().name(),
                m.payload().payloadFormat());
        return m.withEnvelope(Envelope.build(header, m.payload().xml()));
    }

    /** Dead letter: the broker gave up after the partner's retry limit. */
    public void markFailed(String exchangeId) {
        store.findExchange(exchangeId).ifPresent(e -> {
            String reason = "retry limit reached" + (e.lastError() == null ? "" : "; last error: " + e.lastError());
            EnumSet<ExchangeState> open = EnumSet.complementOf(EnumSet.copyOf(ExchangeState.FINAL));
            store.transition(Transition.of(exchangeId, open, ExchangeState.FAILED,
                    audit(e, AuditAction.EXCHANGE_FAILED, "FAILED", "DELIVERY_FAILURE")).withError(reason));
        });
    }

    static AuditEvent audit(ExchangeRecord e, AuditAction action, String outcome, String errorCode) {
        return AuditEvent.exchange(null, "system", action, e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId())
                .withOutcome(outcome, errorCode);
    }

}
