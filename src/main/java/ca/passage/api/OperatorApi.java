package ca.passage.api;

import ca.passage.envelope.BusinessResponse;
import ca.passage.outbound.DomesticResponses;
import ca.passage.outbound.QueueItem;
import ca.passage.outbound.Queueable;
import ca.passage.intake.IntakeReceipt;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;
import ca.passage.partner.PartnerSuspensions;
import ca.passage.store.Transition;
import ca.passage.notice.HandlingCode;
import ca.passage.partner.OnwardTransferCheck;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Operators' and officers' actions on exchanges already in flight, each audited with who did it: resend a FAILED
 * exchange, cancel one not yet sent, suspend or resume a partner, forward an inbound notice (only where the
 * sender's handling code and agreement allow it), answer a partner's notice with a business response.
 */
public final class OperatorApi {

    private static final EnumSet<ExchangeState> CANCELLABLE = EnumSet.of(ExchangeState.RECEIVED,
            ExchangeState.PENDING_APPROVAL, ExchangeState.QUEUED, ExchangeState.ACK_OVERDUE);

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final PartnerSuspensions suspensions;
    private final AuditLedger ledger;
    private final DomesticResponses domesticResponses;
    private final Clock clock;
    private final JsonMapper json = new JsonMapper();

    public OperatorApi(ExchangeStore store, PartnerRegistry partners, PartnerSuspensions suspensions,
                       AuditLedger ledger, DomesticResponses domesticResponses, Clock clock) {
        this.store = store;
        this.partners = partners;
        this.suspensions = suspensions;
        this.ledger = ledger;
        this.domesticResponses = domesticResponses;
        this.clock = clock;
    }

    public ApiResponse resend(@Header("id") String exchangeId, @Header("X-Passage-User") String user) {
        return store.findExchange(exchangeId).map(e -> {
            boolean moved = store.transition(Transition.of(exchangeId, EnumSet.of(ExchangeState.FAILED),
                    ExchangeState.RECEIVED, audit(e, operator(user), AuditAction.OPERATOR_RESEND)));
            if (!moved) {
                return ApiResponses.problem(409, "Not resendable", "exchange " + exchangeId + " is " + e.state() + "; only FAILED can be resent");
            }
            IntakeReceipt release = new IntakeReceipt(e.noticeId(),
                    List.of(new IntakeReceipt.ExchangeRef(exchangeId, e.partnerId(), ExchangeState.RECEIVED.name())));
            return ApiResponses.json(200, release, release);
        }).orElseGet(() -> ApiResponses.problem(404, "Not found", "no exchange " + exchangeId));
    }

    public ApiResponse cancel(@Header("id") String exchangeId, @Header("X-Passage-User") String user) {
        return store.findExchange(exchangeId).map(e -> {
            boolean moved = store.transition(Transition.of(exchangeId, CANCELLABLE, ExchangeState.CANCELLED,
                    audit(e, operator(user), AuditAction.OPERATOR_CANCEL)).withError("cancelled by " + operator(user)));
            return moved ? ApiResponses.ok(Map.of("exchangeId", exchangeId, "state", ExchangeState.CANCELLED.name()))
                    : ApiResponses.problem(409, "Not cancellable", "exchange " + exchangeId + " is " + e.state()
                    + "; only an exchange not yet sent can be cancelled");
        }).orElseGet(() -> ApiResponses.problem(404, "Not found", "no exchange " + exchangeId));
    }

    public ApiResponse suspend(@Header("id") String partnerId, @Header("X-Passage-User") String user) {
        if (partners.find(partnerId).isEmpty()) {
            return ApiResponses.problem(404, "Not found", "no partner " + partnerId);
        }
        suspensions.suspend(partnerId, operator(user));
        return ApiResponses.ok(Map.of("partnerId", partnerId, "suspended", true));
    }

    public ApiResponse resume(@Header("id") String partnerId, @Header("X-Passage-User") String user) {
        if (partners.find(partnerId).isEmpty()) {
            return ApiResponses.problem(404, "Not found", "no partner " + partnerId);
        }
        suspensions.resume(partnerId, operator(user));
        return ApiResponses.ok(Map.of("partnerId", partnerId, "suspended", false));
    }

    /** {@code {"to":["partner",...]}}: forward an inbound notice, if its sender's handling code allows. */
    public ApiResponse forward(@Header("id") String noticeId, @Body byte[] body, @Header("X-Passage-User") String user) {
        List<String> targets = new ArrayList<>();
        try {
            JsonNode to = json.readTree(body == null ? new byte[0] : body).get("to");
            if (to == null || !to.isArray() || to.isEmpty()) {
                return ApiResponses.problem(400, "Invalid forward", "expected {\"to\":[\"partner-id\", ...]}");
            }
            to.forEach(t -> targets.add(t.asText()));
        } catch (IOException e) {
            return ApiResponses.problem(400, "Invalid forward", "the body is not JSON");
        }
        NoticeRecord notice = store.findNotice(noticeId).orElse(null);
        if (notice == null) {
            return ApiResponses.problem(404, "Not found", "no notice " + noticeId);
        }
        if (!notice.isInbound()) {
            return ApiResponses.problem(409, "Not an inbound notice", "a Canadian notice goes to more partners as a new version");
        }
        PartnerProfile sender = partners.get(notice.originPartner());
        HandlingCode code = HandlingCode.valueOf(notice.handlingCode());
        List<Violation> refusals = new ArrayList<>();
        for (String target : targets) {
            String unknown = partners.refusalFor(target);
            OnwardTransferCheck.Decision d = unknown != null ? new OnwardTransferCheck.Decision(false, unknown)
                    : OnwardTransferCheck.check(code, sender, target);
            if (!d.allowed()) {
                refusals.add(new Violation("$.to[" + target + "]", d.reason()));
            }
        }
        Instant now = clock.instant();
        if (!refusals.isEmpty()) {
            for (Violation v : refusals) {
                ledger.append(AuditEvent.of(now, operator(user), AuditAction.ONWARD_TRANSFER_REFUSED).withNotice(noticeId)
                        .withPartner(v.path().replaceAll("^\\$\\.to\\[|\\]$", ""))
                        .withDisclosure(null, notice.handlingCode()).withOutcome("REFUSED", "HANDLING_CODE"));
            }
            return ApiResponses.problem(403, "Onward transfer refused",
                    "the sender's handling code " + code + " and agreement do not allow it", refusals);
        }
        List<ExchangeRecord> exchanges = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        for (String target : targets) {
            String exchangeId = "X-" + UUID.randomUUID();
            String messageId = exchangeId.substring(2) + "@passage.gc.ca";
            exchanges.add(new ExchangeRecord(exchangeId, noticeId, target, Direction.OUT, ExchangeState.RECEIVED, messageId,
                    noticeId, 0, null, null, null, now, now, null, null));
            events.add(AuditEvent.exchange(now, operator(user), AuditAction.NOTICE_FORWARDED, noticeId, exchangeId, messageId,
                    target).withDisclosure(null, notice.handlingCode()).withOutcome("RECEIVED", null));
        }
        store.addExchanges(exchanges, events);
        IntakeReceipt release = new IntakeReceipt(noticeId, exchanges.stream()
                .map(e -> new IntakeReceipt.ExchangeRef(e.exchangeId(), e.partnerId(), e.state().name())).toList());
        return ApiResponses.json(202, release, release);
    }

    /** The domestic side's decision on a partner's notice: {@code {"decision":"ACCEPTED"|"REJECTED",...}}. */
    public ApiResponse respond(@Header("id") String noticeId, @Body byte[] body, @Header("X-Passage-User") String user) {
        BusinessResponse response;
        try {
            JsonNode node = json.readTree(body == null ? new byte[0] : body);
            String decision = node == null || node.get("decision") == null ? "" : node.get("decision").asText();
            if (!BusinessResponse.ACCEPTED.equals(decision) && !BusinessResponse.REJECTED.equals(decision)) {
                return ApiResponses.problem(400, "Invalid response", "decision must be ACCEPTED or REJECTED");
            }
            response = new BusinessResponse(decision, text(node, "errorCode"), text(node, "description"));
        } catch (IOException e) {
            return ApiResponses.problem(400, "Invalid response", "the body is not JSON");
        }
        try {
            var recorded = domesticResponses.record(noticeId, response, user == null || user.isBlank()
                    ? "officer:unidentified" : "officer:" + user);
            return ApiResponses.json(202, Map.of("responseId", recorded.responseId(),
                    "messageId", recorded.messageId(), "partnerId", recorded.partnerId(), "state", recorded.state()),
                    Queueable.of(List.of(QueueItem.response(recorded.partnerId(), recorded.responseId()))));
        } catch (java.util.NoSuchElementException e) {
            return ApiResponses.problem(404, "Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiResponses.problem(400, "Invalid response", e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String operator(String user) {
        return user == null || user.isBlank() ? "operator:unidentified" : "operator:" + user;
    }

    private static AuditEvent audit(ExchangeRecord e, String actor, AuditAction action) {
        return AuditEvent.exchange(null, actor, action, e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId())
                .withOutcome("OK", null);
    }
}
