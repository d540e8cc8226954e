package ca.passage.notice;

/** The instrument under which the information is shared, and the bilateral agreement it relies on. */
public record LegalBasis(String instrument, String agreementReference) {
}
