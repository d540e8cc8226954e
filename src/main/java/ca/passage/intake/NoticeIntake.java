package ca.passage.intake;

import ca.passage.envelope.Digests;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;
import ca.passage.store.ExchangeKind;
import ca.passage.store.NoticeLifecycle;
import ca.passage.store.Transition;
import ca.passage.outbound.LifecycleRequests;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.NoticeParser;

import ca.passage.notice.InvalidNoticeException;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.partner.PolicyOutcome;
import ca.passage.partner.SharingPolicyException;
import ca.passage.translate.TranslationException;
import ca.passage.translate.TranslatorRegistry;
import ca.passage.xml.Violation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Accepts a notice: parse and validate (nothing stored when anything is wrong), then store the notice and one
 * exchange per recipient in a single transaction, state RECEIVED (or PENDING_APPROVAL when a partner's agreement
 * says a supervisor must approve: a minor victim, or victim identity leaving Canada). Queueing is the route's next step; anything
 * left RECEIVED after a crash is queued again by the recovery sweep.
 */
public final class NoticeIntake {

    private final NoticeParser parser;
    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final TranslatorRegistry translators;
    private final Clock clock;

    public NoticeIntake(NoticeParser parser, ExchangeStore store, PartnerRegistry partners,
                        TranslatorRegistry translators, Clock clock) {
        this.parser = parser;
        this.store = store;
        this.partners = partners;
        this.translators = translators;
        this.clock = clock;
    }

    /**
     * Runs each recipient's agreement and mapping once before anything is stored, so that a notice a partner cannot
     * receive is refused at intake (naming partner and reason) instead of failing later in the queue. The partner's
     * XML itself is written once, at delivery. Returns, per partner, why a supervisor must approve first (empty when
     * no approval is needed). Package-visible for the intake CPU benchmark ({@code src/jmh}).
     */
    Map<String, String> checkRecipients(CaseNotice notice) {
        Map<String, String> approvalReasons = new LinkedHashMap<>();
        List<Violation> refusals = new ArrayList<>();
        for (int i = 0; i < notice.recipients().size(); i++) {
            PartnerProfile partner = partners.get(notice.recipients().get(i));
            try {
                PolicyOutcome outcome = translators.forFormat(partner.format()).check(notice, partner);
                approvalReasons.put(partner.id(), outcome.approvalReason());
            } catch (TranslationException | SharingPolicyException e) {
                refusals.add(new Violation("/CaseNotice/recipient[" + (i + 1) + "]", e.getMessage()));
            }
        }
        if (!refusals.isEmpty()) {
            throw new InvalidNoticeException(refusals);
        }
        return approvalReasons;
    }

    public IntakeReceipt accept(byte[] body, NoticeParser.Format format, String submittedBy) {
        return accept(parser.parse(body, format), submittedBy, null);
    }

    /**
     * An updated version of {@code supersededId}: a whole notice with its own id, a higher version and
     * {@code supersedes} naming the earlier one (which every partner format carries), accepted like any notice
     * (validation, each recipient's agreement, screening, holds for a supervisor). A partner that received the
     * earlier version gets this one as an UPDATE referring to the message that carried it; the earlier version's
     * deliveries not yet sent are cancelled; the earlier notice is SUPERSEDED. All in one transaction.
     *
     * @throws java.util.NoSuchElementException no notice {@code supersededId}
     * @throws IllegalStateException            it is a partner's notice, or no longer current (withdrawn, superseded)
     */
    public IntakeReceipt acceptUpdate(byte[] body, NoticeParser.Format format, String submittedBy, String supersededId) {
        NoticeRecord earlier = store.findNotice(supersededId)
                .orElseThrow(() -> new java.util.NoSuchElementException("no notice " + supersededId));
        if (earlier.isInbound()) {
            throw new IllegalStateException("notice " + supersededId + " is a partner's: only its sender can update it");
        }
        NoticeLifecycle lifecycle = store.lifecycleOf(supersededId).orElseThrow();
        if (!lifecycle.current()) {
            throw new IllegalStateException("notice " + supersededId + " is " + lifecycle.state()
                    + (lifecycle.supersededBy() == null ? "" : " by " + lifecycle.supersededBy()) + ": only the current version can be updated");
        }
        CaseNotice notice = parser.parse(body, format);
        List<Violation> faults = new ArrayList<>();
        if (!supersededId.equals(notice.supersedes())) {
            // every partner format carries it (INTERPOL supersedes, UMF Supersedes, NIEM SupersededDocumentID)
            faults.add(new Violation("/CaseNotice/supersedes", "an update of " + supersededId
                    + " must name it in supersedes"));
        }
        if (notice.version() <= earlier.version()) {
            faults.add(new Violation("/CaseNotice/version", "must be greater than " + earlier.version()
                    + ", the version of " + supersededId));
        }
        if (supersededId.equals(notice.noticeId())) {
            faults.add(new Violation("/CaseNotice/noticeId", "an updated version needs its own notice id"));
        }
        if (!faults.isEmpty()) {
            throw new InvalidNoticeException(faults);
        }
        return accept(notice, submittedBy, supersededId);
    }

    private IntakeReceipt accept(CaseNotice notice, String submittedBy, String supersedes) {
        if (store.noticeExists(notice.noticeId())) {
            throw new DuplicateNoticeException(notice.noticeId());
        }
        Map<String, String> approvalReasons = checkRecipients(notice);
        boolean needsApproval = approvalReasons.values().stream().anyMatch(r -> !r.isEmpty());
        byte[] canonical = parser.toXml(notice);
        Instant now = clock.instant();
        String digest = Digests.sha256(canonical);
        NoticeRecord record = new NoticeRecord(notice.noticeId(), notice.nationalFileNumber(), notice.version(),
                notice.requestedAction().label(), notice.priority().name(), notice.handling().code().name(),
                notice.legalBasis().instrument(), submittedBy, now, digest, canonical,
                needsApproval ? "PENDING" : "NOT_REQUIRED", null, null, null);
        List<ExchangeRecord> exchanges = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(now, submittedBy, AuditAction.NOTICE_RECEIVED).withNotice(notice.noticeId())
                .withDisclosure(notice.legalBasis().instrument(), notice.handling().code().name())
                .withDigest(digest).withOutcome("ACCEPTED", null));
        // the earlier version's messages, per partner that received it: this version refers to them
        Map<String, ExchangeRecord> earlier = new LinkedHashMap<>();
        List<Transition> cancels = new ArrayList<>();
        if (supersedes != null) {
            events.add(AuditEvent.of(now, submittedBy, AuditAction.NOTICE_SUPERSEDED).withNotice(supersedes)
                    .withOutcome("SUPERSEDED", null));
            for (ExchangeRecord e : store.exchangesOf(supersedes)) {
                if (LifecycleRequests.reachedPartner(e)) {
                    earlier.putIfAbsent(e.partnerId(), e);
                }
                if (LifecycleRequests.notYetSent(e)) {
                    cancels.add(LifecycleRequests.cancel(e, submittedBy, "SUPERSEDED"));
                }
            }
        }
        for (String partnerId : notice.recipients()) {
            String exchangeId = "X-" + UUID.randomUUID();
            String messageId = exchangeId.substring(2) + "@passage.gc.ca";
            // A notice that needs a supervisor holds all its exchanges: it leaves as one decision, or not at all.
            ExchangeState state = needsApproval ? ExchangeState.PENDING_APPROVAL : ExchangeState.RECEIVED;
            String holdReason = !needsApproval ? null : approvalReasons.get(partnerId).isEmpty()
                    ? "held with the rest of the notice: another partner's exchange needs a supervisor"
                    : "held for a supervisor: " + approvalReasons.get(partnerId);
            ExchangeRecord earlierSent = earlier.get(partnerId);
            // an update continues the conversation the earlier version started with this partner
            ExchangeRecord exchange = new ExchangeRecord(exchangeId, notice.noticeId(), partnerId, Direction.OUT, state,
                    messageId, earlierSent == null ? notice.noticeId() : earlierSent.conversationId(), 0, holdReason,
                    null, null, now, now, null, null);
            if (earlierSent != null) {
                exchange = exchange.as(ExchangeKind.UPDATE, earlierSent.messageId(), null);
            }
            exchanges.add(exchange);
            events.add(AuditEvent.exchange(now, submittedBy, AuditAction.EXCHANGE_CREATED, notice.noticeId(), exchangeId,
                    messageId, partnerId).withOutcome(state.name(), earlierSent == null ? null : ExchangeKind.UPDATE.name()));
        }
        if (supersedes == null) {
            store.storeNotice(record, exchanges, events);
        } else if (!store.storeUpdate(record, supersedes, exchanges, cancels, events)) {
            throw new IllegalStateException("notice " + supersedes + " changed meanwhile (withdrawn or superseded)");
        }
        return new IntakeReceipt(notice.noticeId(), exchanges.stream()
                .map(e -> new IntakeReceipt.ExchangeRef(e.exchangeId(), e.partnerId(), e.state().name())).toList());
    }
}
