package ca.passage.intake;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.store.NoticeRecord;
import java.time.Clock;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Transition;

import ca.passage.envelope.Digests;
import ca.passage.partner.Removal;
import ca.passage.store.Direction;
import ca.passage.translate.TranslatedPayload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A supervisor's decision on a notice held for approval, partner by partner. Approval releases the held exchanges
 * decided on to be queued; rejection closes them CANCELLED; the exchanges of other partners stay held. The supervisor is recorded on the notice and in each audit event. An approval
 * stores, per exchange, the digest of the exact payload approved; the send step makes the payload again and sends
 * the exchange back to PENDING_APPROVAL if it differs (a profile or policy changed meanwhile).
 */
public final class NoticeApproval {

    public enum Decision { APPROVE, REJECT }

    private final ExchangeStore store;
    private final PayloadDigests payloads;
    private final AuditLedger ledger;
    private final Clock clock;

    public NoticeApproval(ExchangeStore store, PayloadDigests payloads, AuditLedger ledger, Clock clock) {
        this.store = store;
        this.payloads = payloads;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Four-eyes: the approver (an authenticated supervisor) is not the one who submitted the notice. */
    public static final class SelfApprovalException extends RuntimeException {
        public SelfApprovalException(String noticeId) {
            super("notice " + noticeId + " was submitted by the same person: another supervisor must decide");
        }
    }

    /** A partner named in a decision that is not a recipient of the notice (400), or not held (409). */
    public static final class PartnerNotDecidableException extends RuntimeException {
        private final boolean known;

        PartnerNotDecidableException(String message, boolean known) {
            super(message);
            this.known = known;
        }

        /** True when the partner is a recipient of the notice but its exchange is not waiting for approval. */
        public boolean known() {
            return known;
        }
    }

    /**
     * Returns the exchanges released (for queueing); empty after a rejection. {@code supervisor} is the
     * authenticated principal; a submitter deciding on their own notice is refused and audited. {@code partners}
     * names the partners decided on (empty: every held exchange of the notice); the others stay held. Approving a
     * partner stores the digest of that partner's payload as it is now; rejecting closes its exchange CANCELLED with
     * {@code reason} (optional). Each exchange's move and its audit event are one transaction.
     */
    public IntakeReceipt decide(String noticeId, Decision decision, List<String> partners, String reason,
                                String supervisor) {
        if (supervisor == null || supervisor.isBlank()) {
            throw new IllegalArgumentException("the approving supervisor must be named");
        }
        NoticeRecord notice = store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        String submitter = notice.submittedBy() == null ? "" : notice.submittedBy();
        if (submitter.substring(submitter.indexOf(':') + 1).equals(supervisor)) {
            ledger.append(AuditEvent.of(clock.instant(), "supervisor:" + supervisor, AuditAction.APPROVAL_DENIED)
                    .withNotice(noticeId).withOutcome("FOUR_EYES", "the submitter cannot decide on their own notice"));
            throw new SelfApprovalException(noticeId);
        }
        List<ExchangeRecord> exchanges = store.exchangesOf(noticeId).stream()
                .filter(e -> e.direction() == Direction.OUT).toList();
        List<ExchangeRecord> held = exchanges.stream().filter(e -> e.state() == ExchangeState.PENDING_APPROVAL).toList();
        List<ExchangeRecord> decided = partners == null || partners.isEmpty() ? held : named(noticeId, partners, exchanges);
        if (decided.isEmpty()) {
            throw new IllegalStateException("notice " + noticeId + " has no exchange waiting for approval");
        }
        ExchangeState to = decision == Decision.APPROVE ? ExchangeState.RECEIVED : ExchangeState.CANCELLED;
        String actor = "supervisor:" + supervisor;
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        List<Transition> moves = decided.stream().map(e -> Transition.of(e.exchangeId(),
                EnumSet.of(ExchangeState.PENDING_APPROVAL), to,
                AuditEvent.exchange(null, actor, decision == Decision.APPROVE ? AuditAction.NOTICE_APPROVED : AuditAction.NOTICE_REJECTED,
                        e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId()).withOutcome(to.name(), null))
                .withError(decision == Decision.APPROVE ? "released by " + actor + " (was " + e.lastError() + ")"
                        : "rejected by " + actor + " for partner " + e.partnerId() + why
                        + " (was " + e.lastError() + ")")).toList();
        Map<String, String> digests = new LinkedHashMap<>();
        if (decision == Decision.APPROVE) {
            decided.forEach(e -> digests.put(e.exchangeId(), payloads.of(e)));
        }
        boolean othersHeld = held.size() > decided.size();
        boolean anyReleased = decision == Decision.APPROVE || exchanges.stream().anyMatch(e -> !decided.contains(e)
                && e.state() != ExchangeState.PENDING_APPROVAL && e.state() != ExchangeState.CANCELLED);
        store.decideApproval(noticeId, othersHeld ? "PENDING" : anyReleased ? "APPROVED" : "REJECTED", actor, moves,
                digests);
        List<IntakeReceipt.ExchangeRef> released = decision == Decision.APPROVE
                ? decided.stream().map(e -> new IntakeReceipt.ExchangeRef(e.exchangeId(), e.partnerId(), to.name())).toList()
                : List.of();
        return new IntakeReceipt(noticeId, released);
    }

    /** The held exchanges of the named partners; a partner not a recipient, or not held, is refused by name. */
    private static List<ExchangeRecord> named(String noticeId, List<String> partners, List<ExchangeRecord> exchanges) {
        List<ExchangeRecord> found = new ArrayList<>();
        for (String partner : new LinkedHashSet<>(partners)) {
            ExchangeRecord e = exchanges.stream().filter(x -> x.partnerId().equals(partner)).findFirst()
                    .orElseThrow(() -> new PartnerNotDecidableException("partner " + partner
                            + " is not a recipient of notice " + noticeId, false));
            if (e.state() != ExchangeState.PENDING_APPROVAL) {
                throw new PartnerNotDecidableException("the exchange of notice " + noticeId + " for partner " + partner
                        + " is " + e.state() + ", not waiting for approval", true);
            }
            found.add(e);
        }
        return found;
    }

    /**
     * What a supervisor sees before deciding, partner by partner: the payload exactly as it would be signed now (the
     * partner's format, its agreement applied, free text redacted), its digest (the one an approval stores), what
     * was kept from the partner and why (categories, paths, reasons: never the values), and why it is held.
     */
    public Preview preview(String noticeId) {
        store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        List<PartnerPreview> partners = new ArrayList<>();
        for (ExchangeRecord e : store.exchangesOf(noticeId)) {
            if (e.direction() != Direction.OUT) {
                continue;
            }
            TranslatedPayload payload = payloads.payload(e);
            List<String> reasons = new ArrayList<>(payload.approvalReason().isEmpty() ? List.of()
                    : List.of(payload.approvalReason().split("; ")));
            boolean held = e.state() == ExchangeState.PENDING_APPROVAL;
            if (held && e.lastError() != null
                    && !e.lastError().equals("held for a supervisor: " + payload.approvalReason())) {
                reasons.add(e.lastError());
            }
            partners.add(new PartnerPreview(e.partnerId(), e.exchangeId(), e.state().name(), payload.payloadFormat(),
                    new String(payload.xml(), StandardCharsets.UTF_8), "sha256:" + Digests.sha256(payload.xml()),
                    payload.removals(), reasons));
        }
        return new Preview(noticeId, partners);
    }

    /** The preview of a notice: one entry per partner exchange. */
    public record Preview(String noticeId, List<PartnerPreview> partners) {
    }

    /**
     * One partner's payload as it would leave.
     *
     * @param payloadDigest {@code sha256:} and the hex digest an approval of this partner stores
     * @param removed       what the sharing policy removed or generalised and what the free-text screener replaced
     * @param holdReasons   why a supervisor must look (the policy's reasons now, and the stored one when it differs)
     */
    public record PartnerPreview(String partner, String exchangeId, String state, String format, String payload,
                                 String payloadDigest, List<Removal> removed, List<String> holdReasons) {
    }
}
