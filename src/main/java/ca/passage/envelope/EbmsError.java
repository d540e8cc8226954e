package ca.passage.envelope;

/** ebMS3-style error codes, the vocabulary partners' systems already know. */
public enum EbmsError {
    VALUE_NOT_RECOGNIZED("EBMS:0001", "ValueNotRecognized", "Content"),
    VALUE_INCONSISTENT("EBMS:0003", "ValueInconsistent", "Content"),
    INVALID_HEADER("EBMS:0009", "InvalidHeader", "Content"),
    FAILED_AUTHENTICATION("EBMS:0101", "FailedAuthentication", "Processing"),
    FAILED_DECRYPTION("EBMS:0102", "FailedDecryption", "Processing"),
    POLICY_NONCOMPLIANCE("EBMS:0103", "PolicyNoncompliance", "Processing"),
    DELIVERY_FAILURE("EBMS:0202", "DeliveryFailure", "Communication"),
    MISSING_RECEIPT("EBMS:0301", "MissingReceipt", "Communication"),
    INVALID_RECEIPT("EBMS:0302", "InvalidReceipt", "Communication");

    private final String code;
    private final String shortDescription;
    private final String category;

    EbmsError(String code, String shortDescription, String category) {
        this.code = code;
        this.shortDescription = shortDescription;
        this.category = category;
    }

    public String code() {
        return code;
    }

    public String shortDescription() {
        return shortDescription;
    }

    public String category() {
        return category;
    }
}
