package ca.passage.outbound;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Transition;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Watches exchanges sent without a receipt. Past the partner's acknowledgement timeout an exchange goes
 * ACK_OVERDUE and is sent again with the same message id (the partner de-duplicates), up to the partner's
 * attempt limit; then it is FAILED with the reason.
 */
public final class AckMonitor {

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final Clock clock;

    public AckMonitor(ExchangeStore store, PartnerRegistry partners, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.clock = clock;
    }

    /** Marks overdue exchanges and returns those to send again; the route queues them. */
    public Queueable overdueToResend() {
        Instant now = clock.instant();
        List<QueueItem> resend = new ArrayList<>();
        for (ExchangeRecord e : store.search(null, ExchangeState.SENT, 10_000)) {
            PartnerProfile partner = partners.find(e.partnerId()).orElse(null);
            if (partner == null || e.sentAt() == null
                    || e.sentAt().plus(partner.acknowledgementTimeout()).isAfter(now)) {
                continue;
            }
            if (e.attempts() >= partner.retry().maxAttempts()) {
                store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT), ExchangeState.FAILED,
                        audit(e, AuditAction.EXCHANGE_FAILED, "FAILED", "MISSING_RECEIPT"))
                        .withError("no receipt after " + e.attempts() + " attempt(s), timeout "
                                + partner.acknowledgementTimeout()));
            } else if (store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT),
                    ExchangeState.ACK_OVERDUE, audit(e, AuditAction.ACK_OVERDUE, "OVERDUE", "MISSING_RECEIPT"))
                    .withError("no receipt within " + partner.acknowledgementTimeout()))) {
                resend.add(QueueItem.notice(e.partnerId(), e.exchangeId()));
            }
        }
        return Queueable.of(resend);
    }

    private static AuditEvent audit(ExchangeRecord e, AuditAction action, String outcome, String errorCode) {
        return AuditEvent.exchange(null, "system", action, e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId())
                .withOutcome(outcome, errorCode);
    }
}
