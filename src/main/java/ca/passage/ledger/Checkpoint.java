package ca.passage.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed checkpoint: the gateway key's signature over the chain head (sequence number and hash) and the
 * signing time. {@code signature} is Base64.
 */
public record Checkpoint(long seq, String headHash, Instant signedAt, String algorithm, String keyId,
                         String signature) {

    public Checkpoint {
        signedAt = signedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The exact bytes that are signed. */
    public static byte[] payload(long seq, String headHash, Instant signedAt) {
        return ("passage-audit-checkpoint/v1|" + seq + "|" + headHash + "|"
                + signedAt.truncatedTo(ChronoUnit.MICROS)).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] payload() {
        return payload(seq, headHash, signedAt);
    }
}
