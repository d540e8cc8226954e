package ca.passage.ledger;

/** One stored event with its chain fields. */
public record LedgerRecord(long seq, AuditEvent event, String prevHash, String hash) {
}
