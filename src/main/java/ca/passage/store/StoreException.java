package ca.passage.store;

/** The store could not be read or written, or what it read is not what was written; the message names what failed, never personal data. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
