package ca.passage.api;

import ca.passage.outbound.Queueable;
import ca.passage.xml.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * The one way the REST beans build their answers: JSON bodies (dates as ISO-8601 text) and RFC 9457 problems.
 * Kept apart from {@link ApiResponse} so the routes' simple language sees only the record's accessors.
 */
final class ApiResponses {

    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private ApiResponses() {
    }

    /** 200 with {@code body} as JSON. */
    static ApiResponse ok(Object body) {
        return json(200, body, null);
    }

    /**
     * {@code status} with {@code body} as JSON; {@code queue} (may be null) is what the route must queue before
     * answering (an accepted notice's exchanges, a released exchange, a recorded response).
     */
    static ApiResponse json(int status, Object body, Queueable queue) {
        return new ApiResponse(status, ApiResponse.JSON, write(body), queue == null ? List.of() : queue.toQueue());
    }

    /** A problem answer with no violation listed. */
    static ApiResponse problem(int status, String title, String detail) {
        return problem(status, title, detail, List.of());
    }

    /** A problem answer listing every violation. */
    static ApiResponse problem(int status, String title, String detail, List<Violation> violations) {
        return new ApiResponse(status, ApiResponse.PROBLEM, write(Problem.of(status, title, detail, violations)), List.of());
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }
}
