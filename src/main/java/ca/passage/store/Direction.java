package ca.passage.store;

/**
 * Which way an exchange goes, stored as its name ({@code IN}, {@code OUT}) in {@code exchange.direction}.
 * (The message archive's own {@link MessageArchive.Direction} says whether one message was sent or received.)
 */
public enum Direction {
    /** A notice received from a foreign partner for the domestic side. */
    IN,
    /** A Canadian notice sent to a foreign partner. */
    OUT
}
