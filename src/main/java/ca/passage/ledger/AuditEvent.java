package ca.passage.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One audit event. No personal data ever: ids, digests and codes only.
 *
 * <p>The time is truncated to microseconds (what H2 and PostgreSQL store) and empty strings are
 * normalised to {@code null}, so that the canonical form hashed at append time is exactly the one
 * recomputed from the database or from an export.
 */
public record AuditEvent(Instant time, String actor, String action, String noticeId, String exchangeId,
                         String messageId, String partnerId, String legalBasis, String handlingCode,
                         String digest, String outcome, String errorCode) {

    public AuditEvent {
        time = time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
        actor = check("actor", actor, 128);
        action = check("action", action, 64);
        noticeId = check("noticeId", noticeId, 64);
        exchangeId = check("exchangeId", exchangeId, 64);
        messageId = check("messageId", messageId, 128);
        partnerId = check("partnerId", partnerId, 64);
        legalBasis = check("legalBasis", legalBasis, 256);
        handlingCode = check("handlingCode", handlingCode, 8);
        digest = check("digest", digest, 128);
        outcome = check("outcome", outcome, 32);
        errorCode = check("errorCode", errorCode, 64);
        if (actor == null) {
            throw new IllegalArgumentException("audit event needs an actor");
        }
        if (action == null) {
            throw new IllegalArgumentException("audit event needs an action");
        }
    }

    private static String check(String name, String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(name + " contains a control character");
            }
        }
        return value;
    }

    /** An event with only actor and action; {@code time} may be null (the ledger then stamps its clock). */
    public static AuditEvent of(Instant time, String actor, AuditAction action) {
        return new AuditEvent(time, actor, action.name(), null, null, null, null, null, null, null, null, null);
    }

    /** An event about one exchange (one notice sent to or received from one partner). */
    public static AuditEvent exchange(Instant time, String actor, AuditAction action, String noticeId, String exchangeId,
                                      String messageId, String partnerId) {
        return new AuditEvent(time, actor, action.name(), noticeId, exchangeId, messageId, partnerId, null, null, null,
                null, null);
    }

    public AuditEvent withTime(Instant t) {
        return new AuditEvent(t, actor, action, noticeId, exchangeId, messageId, partnerId, legalBasis, handlingCode,
                digest, outcome, errorCode);
    }

    public AuditEvent withNotice(String id) {
        return new AuditEvent(time, actor, action, id, exchangeId, messageId, partnerId, legalBasis, handlingCode,
                digest, outcome, errorCode);
    }

    public AuditEvent withExchange(String exchange, String message, String partner) {
        return new AuditEvent(time, actor, action, noticeId, exchange, message, partner, legalBasis, handlingCode,
                digest, outcome, errorCode);
    }

    public AuditEvent withPartner(String partner) {
        return new AuditEvent(time, actor, action, noticeId, exchangeId, messageId, partner, legalBasis, handlingCode,
                digest, outcome, errorCode);
    }

    /** Legal basis and handling code (H0..H3) of what was disclosed. */
    public AuditEvent withDisclosure(String basis, String handling) {
        return new AuditEvent(time, actor, action, noticeId, exchangeId, messageId, partnerId, basis, handling,
                digest, outcome, errorCode);
    }

    /** SHA-256 (hex) of the exact bytes sent or received. */
    public AuditEvent withDigest(String sha256Hex) {
        return new AuditEvent(time, actor, action, noticeId, exchangeId, messageId, partnerId, legalBasis,
                handlingCode, sha256Hex, outcome, errorCode);
    }

    public AuditEvent withOutcome(String result, String error) {
        return new AuditEvent(time, actor, action, noticeId, exchangeId, messageId, partnerId, legalBasis,
                handlingCode, digest, result, error);
    }
}
