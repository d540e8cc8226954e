package ca.passage.as4;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An ebMS 3 UserMessage: MessageInfo, the agreement's PartyInfo and CollaborationInfo, message properties and its
 * payloads (each one a compressed MIME attachment on the wire).
 */
public record As4UserMessage(String messageId, Instant timestamp, String refToMessageId, String conversationId,
                             As4Party from, As4Party to, String service, String serviceType, String action,
                             String agreementRef, String pmodeId, Map<String, String> messageProperties,
                             List<As4Payload> payloads) {
    public As4UserMessage {
        As4Party.requireText(messageId, "message id");
        As4Party.requireText(conversationId, "conversation id");
        if (timestamp == null || from == null || to == null) {
            throw new IllegalArgumentException("timestamp, from and to are required");
        }
        messageProperties = messageProperties == null ? Map.of() : Map.copyOf(messageProperties);
        payloads = List.copyOf(payloads);
    }

    /** A new UserMessage under {@code agreement}. */
    public static As4UserMessage of(As4Agreement agreement, String messageId, Instant timestamp, String conversationId,
                                    Map<String, String> messageProperties, List<As4Payload> payloads) {
        return of(agreement, messageId, timestamp, null, conversationId, messageProperties, payloads);
    }

    /** A new UserMessage under {@code agreement} that refers to an earlier one ({@code refToMessageId}, may be null). */
    public static As4UserMessage of(As4Agreement agreement, String messageId, Instant timestamp, String refToMessageId,
                                    String conversationId, Map<String, String> messageProperties,
                                    List<As4Payload> payloads) {
        return new As4UserMessage(messageId, timestamp, refToMessageId, conversationId, agreement.initiator(), agreement.responder(),
                agreement.service(), agreement.serviceType(), agreement.action(), agreement.agreementRef(),
                agreement.pmodeId(), messageProperties, payloads);
    }

    /** Whether this message travels under {@code agreement} (parties, roles, service, action, agreement). */
    public boolean matches(As4Agreement agreement) {
        return from.sameAs(agreement.initiator()) && to.sameAs(agreement.responder())
                && service.equals(agreement.service()) && action.equals(agreement.action())
                && agreementRef.equals(agreement.agreementRef());
    }
}
