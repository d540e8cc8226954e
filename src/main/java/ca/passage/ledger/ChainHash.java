package ca.passage.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of an audit event and the chain hash.
 *
 * <pre>
 * canonical(e) = field(time ISO-8601 UTC, microseconds) field(actor) field(action) field(noticeId)
 *                field(exchangeId) field(messageId) field(partnerId) field(legalBasis) field(handlingCode)
 *                field(digest) field(outcome) field(errorCode)
 * field(null)  = "-|"            field(v) = length(v) ":" v "|"     (length in UTF-16 units)
 * hash(e)      = hex(SHA-256(UTF-8("passage-audit/v1|" prevHash "|" canonical(e))))
 * </pre>
 * The first event's {@code prevHash} is {@link #GENESIS} (64 zeros). The sequence number is not inside
 * the hash: an event's position is bound by the link to its predecessor, the contiguity of sequence
 * numbers and the signed checkpoints (which sign sequence number and hash together).
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    private static final byte[] PREFIX = "passage-audit/v1|".getBytes(StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ChainHash::newDigest);

    private ChainHash() {
    }

    public static String canonical(AuditEvent e) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, e.time() == null ? null : e.time().toString());
        field(sb, e.actor());
        field(sb, e.action());
        field(sb, e.noticeId());
        field(sb, e.exchangeId());
        field(sb, e.messageId());
        field(sb, e.partnerId());
        field(sb, e.legalBasis());
        field(sb, e.handlingCode());
        field(sb, e.digest());
        field(sb, e.outcome());
        field(sb, e.errorCode());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String v) {
        if (v == null) {
            sb.append("-|");
        } else {
            sb.append(v.length()).append(':').append(v).append('|');
        }
    }

    public static String hash(String prevHash, AuditEvent e) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(PREFIX);
        md.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) '|');
        md.update(canonical(e).getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(md.digest());
    }

    /** SHA-256 of arbitrary bytes, lower-case hex (the digest of a message as sent or received). */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HEX.formatHex(md.digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
