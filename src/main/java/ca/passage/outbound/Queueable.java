package ca.passage.outbound;

import java.util.List;

/**
 * Something that leaves items for partners' outbound queues: an accepted notice, an operator's resend, the
 * monitors' findings. The route {@code direct:enqueue} sends each item and marks it queued.
 */
public interface Queueable {

    List<QueueItem> toQueue();

    /** A plain list of items (what the monitors find). */
    static Queueable of(List<QueueItem> items) {
        List<QueueItem> copy = List.copyOf(items);
        return () -> copy;
    }
}
