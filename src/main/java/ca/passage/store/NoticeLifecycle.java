package ca.passage.store;

import java.time.Instant;

/**
 * Where a stored notice stands in its lifecycle: the earlier version it supersedes, the later one that superseded
 * it, and whether it was withdrawn or (an inbound notice) is to be deleted or corrected.
 *
 * @param state null while the notice is current
 */
public record NoticeLifecycle(String noticeId, String supersedes, String supersededBy, State state, String reason,
                              Instant at) {

    /** A notice's lifecycle state, stored as its name in {@code notice.lifecycle_state}. Add, never rename. */
    public enum State {
        WITHDRAWN, SUPERSEDED, DELETION_REQUESTED, CORRECTION_REQUESTED
    }

    public boolean current() {
        return state == null;
    }
}
