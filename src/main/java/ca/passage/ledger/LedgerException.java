package ca.passage.ledger;

/** A ledger operation failed (database or I/O); the message names what failed, never personal data. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}
