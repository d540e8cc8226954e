package ca.passage.xml;

/** One thing wrong with a notice: where (an XPath-like path) and what. */
public record Violation(String path, String message) {
}
