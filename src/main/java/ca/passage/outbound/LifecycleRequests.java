package ca.passage.outbound;

import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeKind;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeLifecycle;
import ca.passage.store.NoticeRecord;
import ca.passage.store.Transition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * A Canadian notice's lifecycle with the partners that hold it: an officer withdraws it, or asks partners to delete
 * or correct what they received. Each request is recorded first, as one exchange per partner (kind WITHDRAWAL,
 * DELETION_REQUEST or CORRECTION_REQUEST, referring to the message that carried the notice), in one transaction
 * with its audit events; the exchanges then go through the partner's queue and the one {@link DeliveryEngine} like
 * a notice: signed, encrypted, posted, closed by the partner's signed receipt, retried with the partner's back-off.
 * A withdrawal cancels the deliveries not yet sent instead of sending the notice and then its withdrawal.
 */
public final class LifecycleRequests {

    /** A delivery that has not left: cancelled by a withdrawal or an update instead of being sent. */
    private static final EnumSet<ExchangeState> NOT_YET_SENT =
            EnumSet.of(ExchangeState.RECEIVED, ExchangeState.PENDING_APPROVAL, ExchangeState.QUEUED);
    /** States in which the partner holds (or may hold) the notice. */
    private static final EnumSet<ExchangeState> AT_PARTNER = EnumSet.of(ExchangeState.SENDING, ExchangeState.SENT,
            ExchangeState.ACK_OVERDUE, ExchangeState.ACKNOWLEDGED, ExchangeState.REJECTED);

    private final ExchangeStore store;
    private final Clock clock;

    public LifecycleRequests(ExchangeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** True when {@code e} carried the notice to its partner, or may have (it left at least once). */
    public static boolean reachedPartner(ExchangeRecord e) {
        return e.direction() == Direction.OUT && e.kind().carriesNotice()
                && (AT_PARTNER.contains(e.state()) || e.sentAt() != null && e.state() != ExchangeState.CANCELLED);
    }

    /** True when {@code e} carries the notice and has not left yet: a withdrawal or an update cancels it. */
    public static boolean notYetSent(ExchangeRecord e) {
        return e.direction() == Direction.OUT && e.kind().carriesNotice() && NOT_YET_SENT.contains(e.state());
    }

    /** The cancellation of a delivery not yet sent, because its notice was withdrawn ({@code why}) or superseded. */
    public static Transition cancel(ExchangeRecord e, String actor, String why) {
        return Transition.of(e.exchangeId(), NOT_YET_SENT, ExchangeState.CANCELLED,
                AuditEvent.exchange(null, actor, AuditAction.EXCHANGE_CANCELLED_BY_LIFECYCLE, e.noticeId(),
                        e.exchangeId(), e.messageId(), e.partnerId()).withOutcome("CANCELLED", why))
                .withError("cancelled before it was sent: the notice was " + why.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Withdraws a Canadian notice: every partner that received it (or may have) gets a signed withdrawal; every
     * delivery not yet sent is cancelled.
     *
     * @throws NoSuchElementException no such notice
     * @throws IllegalStateException  a partner's notice, already withdrawn or superseded, or nothing sent or queued
     */
    public LifecycleOutcome withdraw(String noticeId, LifecycleRequest.Reason reason, String actor) {
        NoticeRecord notice = canadian(noticeId);
        NoticeLifecycle lifecycle = store.lifecycleOf(noticeId).orElseThrow();
        if (lifecycle.state() == NoticeLifecycle.State.WITHDRAWN) {
            throw new IllegalStateException("notice " + noticeId + " is already withdrawn");
        }
        if (lifecycle.state() == NoticeLifecycle.State.SUPERSEDED) {
            throw new IllegalStateException("notice " + noticeId + " is superseded by " + lifecycle.supersededBy()
                    + ": withdraw the current version");
        }
        List<ExchangeRecord> held = store.exchangesOf(noticeId);
        List<Transition> cancels = new ArrayList<>();
        List<ExchangeRecord> requests = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(null, actor, AuditAction.NOTICE_WITHDRAWN).withNotice(noticeId)
                .withOutcome("WITHDRAWN", reason.name()));
        for (ExchangeRecord e : held) {
            if (notYetSent(e)) {
                cancels.add(cancel(e, actor, "WITHDRAWN"));
            }
            if (reachedPartner(e)) {
                requests.add(request(e, ExchangeKind.WITHDRAWAL, reason, actor, events));
            }
        }
        if (cancels.isEmpty() && requests.isEmpty()) {
            throw new IllegalStateException("notice " + noticeId + " was neither sent nor queued to any partner: "
                    + "nothing to withdraw");
        }
        if (!store.recordLifecycle(noticeId, NoticeLifecycle.State.WITHDRAWN, reason.name(), Set.of(), requests,
                cancels, events)) {
            throw new IllegalStateException("notice " + noticeId + " changed meanwhile (withdrawn or superseded)");
        }
        List<LifecycleOutcome.ExchangeRef> refs = new ArrayList<>(requests.stream().map(LifecycleRequests::ref).toList());
        for (Transition t : cancels) {
            ExchangeRecord now = store.findExchange(t.exchangeId()).orElseThrow();
            if (now.state() == ExchangeState.CANCELLED) {
                refs.add(ref(now));
            } else if (reachedPartner(now) && requests.stream().noneMatch(r -> r.refMessageId().equals(now.messageId()))) {
                // its delivery started between our read and our commit: it leaves, so its withdrawal follows it
                List<AuditEvent> late = new ArrayList<>();
                ExchangeRecord r = request(now, ExchangeKind.WITHDRAWAL, reason, actor, late);
                store.addExchanges(List.of(r), late);
                refs.add(ref(r));
            }
        }
        return new LifecycleOutcome(notice.noticeId(), "WITHDRAWAL", refs);
    }

    /**
     * Asks partners that received the notice to delete ({@link LifecycleRequest.Kind#DELETION_REQUEST}) or correct
     * ({@link LifecycleRequest.Kind#CORRECTION_REQUEST}) it: one signed request per partner, each partner in
     * {@code only} when it is not empty.
     *
     * @throws NoSuchElementException   no such notice
     * @throws IllegalArgumentException a partner named that never received it
     * @throws IllegalStateException    a partner's notice, or nothing sent
     */
    public LifecycleOutcome requestDeletion(String noticeId, LifecycleRequest.Kind kind, LifecycleRequest.Reason reason,
                                            List<String> only, String actor) {
        if (kind == LifecycleRequest.Kind.WITHDRAWAL) {
            throw new IllegalArgumentException("a withdrawal is not a deletion or correction request");
        }
        canadian(noticeId);
        List<ExchangeRecord> reached = store.exchangesOf(noticeId).stream().filter(LifecycleRequests::reachedPartner).toList();
        if (reached.isEmpty()) {
            throw new IllegalStateException("notice " + noticeId + " was not sent to any partner: nothing to delete or correct");
        }
        for (String p : only) {
            if (reached.stream().noneMatch(e -> e.partnerId().equals(p))) {
                throw new IllegalArgumentException("partner " + p + " never received notice " + noticeId);
            }
        }
        ExchangeKind exchangeKind = ExchangeKind.valueOf(kind.name());
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(null, actor, kind == LifecycleRequest.Kind.DELETION_REQUEST
                ? AuditAction.DELETION_REQUESTED : AuditAction.CORRECTION_REQUESTED).withNotice(noticeId)
                .withOutcome(kind.name(), reason.name()));
        List<ExchangeRecord> requests = new ArrayList<>();
        for (ExchangeRecord e : reached) {
            if (only.isEmpty() || only.contains(e.partnerId())) {
                requests.add(request(e, exchangeKind, reason, actor, events));
            }
        }
        store.recordLifecycle(noticeId, null, null, Set.of(), requests, List.of(), events);
        return new LifecycleOutcome(noticeId, kind.name(), requests.stream().map(LifecycleRequests::ref).toList());
    }

    /**
     * The outbound route's wrap step for a lifecycle request: our envelope, Action the request's kind,
     * RefToMessageId the message that carried the notice, the request as payload (codes only).
     */
    public OutboundMessage wrap(OutboundMessage m) {
        ExchangeRecord e = m.exchange();
        LifecycleRequest request = new LifecycleRequest(LifecycleRequest.Kind.valueOf(e.kind().name()),
                e.refMessageId(), LifecycleRequest.Reason.valueOf(e.lifecycleReason()));
        EnvelopeHeader header = new EnvelopeHeader(e.messageId(), e.conversationId(), e.refMessageId(),
                EnvelopeHeader.GATEWAY_ID, m.partner().id(), EnvelopeHeader.SERVICE_NOTICE, request.kind().action(),
                clock.instant(), m.notice().handling().code().name(), LifecycleRequest.FORMAT);
        return m.withEnvelope(Envelope.build(header, request.payload()));
    }

    private NoticeRecord canadian(String noticeId) {
        NoticeRecord notice = store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        if (notice.isInbound()) {
            throw new IllegalStateException("notice " + noticeId + " is a partner's: only its sender can withdraw, "
                    + "update or ask to delete it");
        }
        return notice;
    }

    /** A new exchange carrying {@code kind} about the notice {@code sent} carried, and its audit event. */
    private ExchangeRecord request(ExchangeRecord sent, ExchangeKind kind, LifecycleRequest.Reason reason, String actor,
                                   List<AuditEvent> events) {
        Instant now = clock.instant();
        String exchangeId = "X-" + UUID.randomUUID();
        String messageId = exchangeId.substring(2) + "@passage.gc.ca";
        ExchangeRecord e = new ExchangeRecord(exchangeId, sent.noticeId(), sent.partnerId(), Direction.OUT,
                ExchangeState.RECEIVED, messageId, sent.conversationId(), 0, null, null, null, now, now, null, null)
                .as(kind, sent.messageId(), reason.name());
        events.add(AuditEvent.exchange(now, actor, AuditAction.EXCHANGE_CREATED, e.noticeId(), exchangeId, messageId,
                e.partnerId()).withOutcome(ExchangeState.RECEIVED.name(), kind.name()));
        return e;
    }

    private static LifecycleOutcome.ExchangeRef ref(ExchangeRecord e) {
        return new LifecycleOutcome.ExchangeRef(e.exchangeId(), e.partnerId(), e.kind().name(), e.state().name(),
                e.refMessageId());
    }
}
