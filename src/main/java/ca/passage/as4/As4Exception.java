package ca.passage.as4;

/** An AS4 message could not be built, opened or accepted; carries the ebMS error code to answer or record. */
public final class As4Exception extends RuntimeException {
    private final EbmsErrorCode code;
    private final String refToMessageId;

    public As4Exception(EbmsErrorCode code, String message, String refToMessageId, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.refToMessageId = refToMessageId;
    }

    public As4Exception(EbmsErrorCode code, String message) {
        this(code, message, null, null);
    }

    public EbmsErrorCode code() {
        return code;
    }

    /** The message in error, when known. */
    public String refToMessageId() {
        return refToMessageId;
    }

    As4Exception withRef(String messageId) {
        return refToMessageId != null ? this : new As4Exception(code, getMessage(), messageId, getCause());
    }
}
