package ca.passage.notice;

/** The 4x4 system: source reliability A, B, C or X, and information accuracy 1 to 4. */
public record Grading(String source, String information) {
}
