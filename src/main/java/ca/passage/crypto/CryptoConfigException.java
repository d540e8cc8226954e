package ca.passage.crypto;

/** Bad crypto configuration; the message names the file and the field. */
public final class CryptoConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoConfigException(String message) {
        super(message);
    }

    public CryptoConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
