package ca.passage.envelope;

import java.time.Instant;

/**
 * The routing header of every message, readable without decryption and covered by the signature.
 *
 * @param refToMessageId the message a receipt, response, update or lifecycle request refers to; null on a first message
 */
public record EnvelopeHeader(String messageId, String conversationId, String refToMessageId, String from, String to,
                             String service, String action, Instant timestamp, String handlingCode,
                             String payloadFormat) {

    public static final String SERVICE_NOTICE = "urn:ca:passage:service:case-notice";
    public static final String ACTION_NOTIFY = "Notify";
    /** A full new version of a notice; RefToMessageId is the message that carried the version it supersedes. */
    public static final String ACTION_UPDATE = "Update";
    public static final String ACTION_RECEIPT = "Receipt";
    public static final String GATEWAY_ID = "ca-passage";
}
