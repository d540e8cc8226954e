package ca.passage.ledger;

import java.time.Instant;

/** Sample audit events: ids, digests and codes only. */
final class Events {
    private Events() {
    }

    static AuditEvent sent(int i) {
        return AuditEvent.exchange(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i), "system", AuditAction.MESSAGE_SENT,
                        "N-" + (i / 3), "X-" + i, "M-" + i, i % 2 == 0 ? "FR-PN" : "EUROPOL")
                .withDisclosure("MLAT art. 3", "H1")
                .withDigest(ChainHash.sha256Hex(("message " + i).getBytes()))
                .withOutcome("OK", null);
    }
}
