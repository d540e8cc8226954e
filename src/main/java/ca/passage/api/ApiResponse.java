package ca.passage.api;

import ca.passage.outbound.QueueItem;
import ca.passage.outbound.Queueable;

import java.util.List;

/**
 * An HTTP answer as data: status, content type and JSON body, and what the request left for partners' outbound
 * queues (an accepted notice's exchanges, a released or resent exchange, a recorded business response), which the
 * route queues before answering.
 */
public record ApiResponse(int status, String contentType, String json, List<QueueItem> queue) implements Queueable {

    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";

    public ApiResponse {
        queue = queue == null ? List.of() : List.copyOf(queue);
    }

    /**
     * True when the route must queue something. One accessor only: the routes' simple language found
     * {@code isAccepted()} and {@code accepted()} ambiguous, now and then.
     */
    public boolean accepted() {
        return !queue.isEmpty();
    }

    @Override
    public List<QueueItem> toQueue() {
        return queue;
    }
}
