package ca.passage.intake;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Transition;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A supervisor's decision on a notice held for approval. Approval releases every held exchange to be queued;
 * rejection closes them CANCELLED. The supervisor is recorded on the notice and in each audit event.
 */
public final class NoticeApproval {

    public enum Decision { APPROVE, REJECT }

    private final ExchangeStore store;

    public NoticeApproval(ExchangeStore store) {
        this.store = store;
    }

    /** Returns the exchanges released (for queueing); empty after a rejection. */
    public IntakeReceipt decide(String noticeId, Decision decision, String supervisor) {
        if (supervisor == null || supervisor.isBlank()) {
            throw new IllegalArgumentException("the approving supervisor must be named");
        }
        store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        List<ExchangeRecord> held = store.exchangesOf(noticeId).stream()
                .filter(e -> e.state() == ExchangeState.PENDING_APPROVAL).toList();
        if (held.isEmpty()) {
            throw new IllegalStateException("notice " + noticeId + " has no exchange waiting for approval");
        }
        ExchangeState to = decision == Decision.APPROVE ? ExchangeState.RECEIVED : ExchangeState.CANCELLED;
        String actor = "supervisor:" + supervisor;
        List<Transition> moves = held.stream().map(e -> Transition.of(e.exchangeId(),
                EnumSet.of(ExchangeState.PENDING_APPROVAL), to,
                AuditEvent.exchange(null, actor, decision == Decision.APPROVE ? AuditAction.NOTICE_APPROVED : AuditAction.NOTICE_REJECTED,
                        e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId()).withOutcome(to.name(), null))).toList();
        store.decideApproval(noticeId, decision == Decision.APPROVE ? "APPROVED" : "REJECTED", actor, moves);
        List<IntakeReceipt.ExchangeRef> released = decision == Decision.APPROVE
                ? held.stream().map(e -> new IntakeReceipt.ExchangeRef(e.exchangeId(), e.partnerId(), to.name())).toList()
                : List.of();
        return new IntakeReceipt(noticeId, released);
    }
}
