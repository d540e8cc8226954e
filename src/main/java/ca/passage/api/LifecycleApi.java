package ca.passage.api;

import ca.passage.access.Principal;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.intake.DuplicateNoticeException;
import ca.passage.intake.IntakeReceipt;
import ca.passage.intake.NoticeIntake;
import ca.passage.notice.InvalidNoticeException;
import ca.passage.notice.NoticeParser;
import ca.passage.outbound.LifecycleOutcome;
import ca.passage.outbound.LifecycleRequests;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * An officer's lifecycle requests on a Canadian notice partners hold: withdraw it, send an updated version that
 * supersedes it, ask partners to delete or correct it. Each answers 202 with one exchange per partner (what goes to
 * each, or the delivery cancelled), 404 for an unknown notice, 409 when the notice cannot take the request, 400 for
 * a bad body, as problem+json.
 */
public final class LifecycleApi {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleApi.class);

    private final LifecycleRequests requests;
    private final NoticeIntake intake;
    private final JsonMapper json = new JsonMapper();

    public LifecycleApi(LifecycleRequests requests, NoticeIntake intake) {
        this.requests = requests;
        this.intake = intake;
    }

    /** {@code {"reason":"PERSON_LOCATED"|"WARRANT_WITHDRAWN"|...}}. */
    public ApiResponse withdraw(@Header("id") String noticeId, @Body byte[] body,
                                @Header(Principal.NAME_HEADER) String user) {
        JsonNode node;
        LifecycleRequest.Reason reason;
        try {
            node = read(body);
            reason = reason(node);
        } catch (BadRequest e) {
            return e.problem("Invalid withdrawal");
        }
        return outcome(() -> requests.withdraw(noticeId, reason, officer(user)));
    }

    /** {@code {"scope":"DELETE"|"CORRECT","reason":"...","partners":["..."]}} (partners optional: all that received it). */
    public ApiResponse deletionRequest(@Header("id") String noticeId, @Body byte[] body,
                                       @Header(Principal.NAME_HEADER) String user) {
        LifecycleRequest.Kind kind;
        LifecycleRequest.Reason reason;
        List<String> partners = new ArrayList<>();
        try {
            JsonNode node = read(body);
            String scope = node.hasNonNull("scope") ? node.get("scope").asText().toUpperCase(Locale.ROOT) : "";
            kind = switch (scope) {
                case "DELETE" -> LifecycleRequest.Kind.DELETION_REQUEST;
                case "CORRECT" -> LifecycleRequest.Kind.CORRECTION_REQUEST;
                default -> throw new BadRequest("$.scope", "scope must be DELETE or CORRECT");
            };
            reason = reason(node);
            if (node.has("partners")) {
                if (!node.get("partners").isArray()) {
                    throw new BadRequest("$.partners", "partners must be an array of partner ids");
                }
                node.get("partners").forEach(p -> partners.add(p.asText()));
            }
        } catch (BadRequest e) {
            return e.problem("Invalid deletion request");
        }
        return outcome(() -> requests.requestDeletion(noticeId, kind, reason, partners, officer(user)));
    }

    /** A whole new notice (XML or JSON, its own notice id) that supersedes {@code noticeId}; intake as usual. */
    public ApiResponse update(@Header("id") String noticeId, @Body byte[] body,
                              @Header("Content-Type") String contentType, @Header(Principal.NAME_HEADER) String user) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        NoticeParser.Format format;
        if (type.contains("json")) {
            format = NoticeParser.Format.JSON;
        } else if (type.contains("xml")) {
            format = NoticeParser.Format.XML;
        } else {
            return ApiResponses.problem(415, "Unsupported media type",
                    "send the updated notice as application/xml or application/json");
        }
        try {
            IntakeReceipt receipt = intake.acceptUpdate(body, format, officer(user), noticeId);
            LOG.info("notice {} supersedes {} for {} partner(s)", receipt.noticeId(), noticeId, receipt.exchanges().size());
            return ApiResponses.json(202, receipt, receipt);
        } catch (InvalidNoticeException e) {
            return ApiResponses.problem(e.violations().stream().anyMatch(v -> v.message().contains("the limit is")) ? 413 : 400,
                    "Invalid notice", e.violations().size() + " violation(s)", e.violations());
        } catch (DuplicateNoticeException e) {
            return ApiResponses.problem(409, "Duplicate notice", e.getMessage());
        } catch (NoSuchElementException e) {
            return ApiResponses.problem(404, "Not found", e.getMessage());
        } catch (IllegalStateException e) {
            return ApiResponses.problem(409, "Cannot update", e.getMessage());
        }
    }

    private ApiResponse outcome(java.util.function.Supplier<LifecycleOutcome> request) {
        try {
            LifecycleOutcome outcome = request.get();
            LOG.info("notice {}: {} for {} partner exchange(s)", outcome.noticeId(), outcome.request(),
                    outcome.exchanges().size());
            return ApiResponses.json(202, outcome, outcome);
        } catch (NoSuchElementException e) {
            return ApiResponses.problem(404, "Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiResponses.problem(400, "Invalid request", e.getMessage(),
                    List.of(new Violation("$.partners", e.getMessage())));
        } catch (IllegalStateException e) {
            return ApiResponses.problem(409, "Not possible for this notice", e.getMessage());
        }
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode node = json.readTree(body == null ? new byte[0] : body);
            if (node == null || !node.isObject()) {
                throw new BadRequest("$", "expected a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequest("$", "the body is not JSON");
        }
    }

    private static LifecycleRequest.Reason reason(JsonNode node) {
        if (!node.hasNonNull("reason")) {
            throw new BadRequest("$.reason", "reason is required, one of "
                    + java.util.Arrays.toString(LifecycleRequest.Reason.values()));
        }
        try {
            return LifecycleRequest.Reason.parse(node.get("reason").asText());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("$.reason", e.getMessage());
        }
    }

    private static String officer(String user) {
        return user == null || user.isBlank() ? "officer:unidentified" : "officer:" + user;
    }

    /** A body fault, with the JSON path it concerns. */
    private static final class BadRequest extends RuntimeException {
        private final String path;

        BadRequest(String path, String message) {
            super(message);
            this.path = path;
        }

        ApiResponse problem(String title) {
            return ApiResponses.problem(400, title, getMessage(), List.of(new Violation(path, getMessage())));
        }
    }
}
