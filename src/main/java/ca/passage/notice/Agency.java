package ca.passage.notice;

/** The Canadian agency that owns the case and answers questions about it. */
public record Agency(String code, String name, PointOfContact pointOfContact) {
}
