package ca.passage.as4;

/** The ebMS 3 / AS4 error codes this library raises or understands (ebMS 3 core, section 6.7; AS4 profile). */
public enum EbmsErrorCode {
    VALUE_NOT_RECOGNIZED("EBMS:0001", "ValueNotRecognized", "Content"),
    FEATURE_NOT_SUPPORTED("EBMS:0002", "FeatureNotSupported", "Content"),
    VALUE_INCONSISTENT("EBMS:0003", "ValueInconsistent", "Content"),
    OTHER("EBMS:0004", "Other", "Content"),
    EMPTY_MESSAGE_PARTITION_CHANNEL("EBMS:0006", "EmptyMessagePartitionChannel", "Communication"),
    MIME_INCONSISTENCY("EBMS:0007", "MimeInconsistency", "Unpackaging"),
    FEATURE_NOT_SUPPORTED_INCONSISTENT("EBMS:0008", "FeatureNotSupported", "Unpackaging"),
    INVALID_HEADER("EBMS:0009", "InvalidHeader", "Unpackaging"),
    PROCESSING_MODE_MISMATCH("EBMS:0010", "ProcessingModeMismatch", "Processing"),
    EXTERNAL_PAYLOAD_ERROR("EBMS:0011", "ExternalPayloadError", "Content"),
    FAILED_AUTHENTICATION("EBMS:0101", "FailedAuthentication", "Processing"),
    FAILED_DECRYPTION("EBMS:0102", "FailedDecryption", "Processing"),
    POLICY_NONCOMPLIANCE("EBMS:0103", "PolicyNoncompliance", "Processing"),
    DELIVERY_FAILURE("EBMS:0202", "DeliveryFailure", "Communication"),
    MISSING_RECEIPT("EBMS:0301", "MissingReceipt", "Communication"),
    INVALID_RECEIPT("EBMS:0302", "InvalidReceipt", "Communication"),
    DECOMPRESSION_FAILURE("EBMS:0303", "DecompressionFailure", "Communication");

    private final String code;
    private final String shortDescription;
    private final String category;

    EbmsErrorCode(String code, String shortDescription, String category) {
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

    /** The code for {@code EBMS:nnnn}, or {@link #OTHER} for one this library does not know. */
    public static EbmsErrorCode fromCode(String code) {
        for (EbmsErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return OTHER;
    }

    /**
     * Whether sending the same message again could succeed. Authentication, decryption, policy and P-Mode errors,
     * like content the partner does not recognise, will not heal by themselves; delivery failures may.
     */
    public boolean retryable() {
        return this == DELIVERY_FAILURE || this == OTHER || this == MISSING_RECEIPT;
    }
}
