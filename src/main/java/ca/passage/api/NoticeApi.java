package ca.passage.api;

import ca.passage.access.Principal;
import ca.passage.intake.DuplicateNoticeException;
import ca.passage.intake.IntakeReceipt;
import ca.passage.intake.NoticeApproval;
import ca.passage.intake.NoticeIntake;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;
import ca.passage.notice.InvalidNoticeException;
import ca.passage.notice.NoticeParser;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The officers' REST facade: turns requests into intake and store calls and every outcome into an
 * {@link ApiResponse}. Bad input becomes a problem response naming each fault, never a stack trace.
 */
public final class NoticeApi {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeApi.class);

    private final NoticeIntake intake;
    private final NoticeApproval approval;
    private final ExchangeStore store;
    private final JsonMapper json = new JsonMapper();

    public NoticeApi(NoticeIntake intake, NoticeApproval approval, ExchangeStore store) {
        this.intake = intake;
        this.approval = approval;
        this.store = store;
    }

    public ApiResponse submit(byte[] body, @Header("Content-Type") String contentType,
                              @Header(Principal.NAME_HEADER) String user) {
        NoticeParser.Format format;
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            format = NoticeParser.Format.JSON;
        } else if (type.contains("xml")) {
            format = NoticeParser.Format.XML;
        } else {
            return ApiResponses.problem(415, "Unsupported media type",
                    "send the notice as application/xml or application/json", List.of());
        }
        return accept(body, format, user == null || user.isBlank() ? "officer:unidentified" : "officer:" + user);
    }

    /** A notice dropped in the inbox folder; the format follows the file extension. */
    public ApiResponse submitFile(byte[] body, @Header("CamelFileName") String fileName) {
        NoticeParser.Format format = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                ? NoticeParser.Format.JSON : NoticeParser.Format.XML;
        return accept(body, format, "drop-folder");
    }

    /** The drop folder moves a refused file to .error; the reason goes to the log (ids and paths only). */
    public void failUnlessAccepted(ApiResponse response, @Header("CamelFileName") String fileName) {
        if (!response.accepted()) {
            LOG.warn("refused dropped notice {}: {}", fileName, response.json());
            throw new RefusedFileException("notice file " + fileName + " refused");
        }
    }

    private ApiResponse accept(byte[] body, NoticeParser.Format format, String submittedBy) {
        try {
            IntakeReceipt receipt = intake.accept(body, format, submittedBy);
            LOG.info("accepted notice {} for {} partner(s)", receipt.noticeId(), receipt.exchanges().size());
            return ApiResponses.json(202, receipt, receipt);
        } catch (InvalidNoticeException e) {
            return ApiResponses.problem(e.violations().stream().anyMatch(v -> v.message().contains("the limit is")) ? 413 : 400,
                    "Invalid notice", e.violations().size() + " violation(s)", e.violations());
        } catch (DuplicateNoticeException e) {
            return ApiResponses.problem(409, "Duplicate notice", e.getMessage(), List.of());
        }
    }

    /**
     * A supervisor's decision: {@code {"decision":"APPROVE"|"REJECT","partners":["us-hsi",...],"reason":"..."}}.
     * {@code partners} is optional (every held exchange of the notice); {@code reason} is optional and kept with a
     * rejected exchange. The supervisor is the authenticated principal (a {@code supervisor} field in the body, if
     * any, is ignored); four-eyes is checked by the approval.
     */
    public ApiResponse decide(String noticeId, byte[] body, String supervisor) {
        NoticeApproval.Decision decision;
        List<String> partners = new java.util.ArrayList<>();
        String reason;
        try {
            var node = json.readTree(body == null ? new byte[0] : body);
            if (node == null || !node.hasNonNull("decision")) {
                return ApiResponses.problem(400, "Invalid approval", "expected {\"decision\":\"APPROVE|REJECT\"}",
                        List.of(new Violation("$", "decision is required")));
            }
            decision = NoticeApproval.Decision.valueOf(node.get("decision").asText().toUpperCase(Locale.ROOT));
            if (node.has("partners") && !node.get("partners").isNull()) {
                if (!node.get("partners").isArray()) {
                    return ApiResponses.problem(400, "Invalid approval", "partners must be a list of partner ids",
                            List.of(new Violation("$.partners", "a list of partner ids")));
                }
                for (int i = 0; i < node.get("partners").size(); i++) {
                    var p = node.get("partners").get(i);
                    if (!p.isTextual() || p.asText().isBlank()) {
                        return ApiResponses.problem(400, "Invalid approval", "partners must be a list of partner ids",
                                List.of(new Violation("$.partners[" + i + "]", "a partner id")));
                    }
                    partners.add(p.asText());
                }
            }
            reason = node.hasNonNull("reason") ? node.get("reason").asText() : null;
        } catch (IllegalArgumentException e) {
            return ApiResponses.problem(400, "Invalid approval", "decision must be APPROVE or REJECT",
                    List.of(new Violation("$.decision", "APPROVE or REJECT")));
        } catch (java.io.IOException e) {
            return ApiResponses.problem(400, "Invalid approval", "the body is not JSON", List.of());
        }
        try {
            IntakeReceipt released = approval.decide(noticeId, decision, partners, reason, supervisor);
            LOG.info("notice {} {} by a supervisor for {}; {} exchange(s) released", noticeId, decision,
                    partners.isEmpty() ? "every held partner" : partners, released.exchanges().size());
            return ApiResponses.json(200, released, released);
        } catch (NoticeApproval.SelfApprovalException e) {
            return ApiResponses.problem(403, "Four eyes", e.getMessage(), List.of());
        } catch (NoticeApproval.PartnerNotDecidableException e) {
            return ApiResponses.problem(e.known() ? 409 : 400, e.known() ? "Not held" : "Not a recipient",
                    e.getMessage(), List.of(new Violation("$.partners", e.getMessage())));
        } catch (java.util.NoSuchElementException e) {
            return ApiResponses.problem(404, "Not found", e.getMessage(), List.of());
        } catch (IllegalStateException e) {
            return ApiResponses.problem(409, "Nothing to approve", e.getMessage(), List.of());
        } catch (IllegalArgumentException e) {
            return ApiResponses.problem(400, "Invalid approval", e.getMessage(), List.of());
        }
    }

    /** What a supervisor sees before deciding: each partner's payload as it would be signed, and what was removed. */
    public ApiResponse preview(String noticeId) {
        try {
            return ApiResponses.ok(approval.preview(noticeId));
        } catch (java.util.NoSuchElementException e) {
            return ApiResponses.problem(404, "Not found", e.getMessage(), List.of());
        } catch (ca.passage.translate.TranslationException | ca.passage.partner.SharingPolicyException e) {
            return ApiResponses.problem(409, "Cannot be sent as it is", e.getMessage(), List.of());
        }
    }

    public ApiResponse notice(String noticeId) {
        return store.findNotice(noticeId)
                .map(n -> ApiResponses.ok(noticeView(n)))
                .orElseGet(() -> ApiResponses.problem(404, "Not found", "no notice " + noticeId, List.of()));
    }

    public ApiResponse exchange(String exchangeId) {
        return store.findExchange(exchangeId)
                .map(e -> ApiResponses.ok(e))
                .orElseGet(() -> ApiResponses.problem(404, "Not found", "no exchange " + exchangeId, List.of()));
    }

    public ApiResponse searchExchanges(String partner, String state, String limit) {
        ExchangeState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = ExchangeState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ApiResponses.problem(400, "Invalid query", "unknown state " + state,
                        List.of(new Violation("state", "one of " + List.of(ExchangeState.values()))));
            }
        }
        int max = 100;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Math.min(10_000, Math.max(1, Integer.parseInt(limit)));
            } catch (NumberFormatException e) {
                return ApiResponses.problem(400, "Invalid query", "limit must be a number", List.of(new Violation("limit", limit)));
            }
        }
        return ApiResponses.ok(store.search(partner == null || partner.isBlank() ? null : partner, wanted, max));
    }

    private Map<String, Object> noticeView(NoticeRecord n) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("noticeId", n.noticeId());
        view.put("nationalFileNumber", n.nationalFileNumber());
        view.put("version", n.version());
        view.put("requestedAction", n.requestedAction());
        view.put("priority", n.priority());
        view.put("handlingCode", n.handlingCode());
        view.put("receivedAt", n.receivedAt());
        view.put("approvalState", n.approvalState());
        view.put("contentDigest", n.contentDigest());
        // the lifecycle: the version it supersedes or that superseded it, withdrawn or to be deleted or corrected;
        // each partner's part (the notice, an update, a withdrawal, a deletion or correction request) is an exchange
        store.lifecycleOf(n.noticeId()).ifPresent(l -> view.put("lifecycle", l));
        List<ExchangeRecord> exchanges = store.exchangesOf(n.noticeId());
        view.put("exchanges", exchanges);
        return view;
    }
}
