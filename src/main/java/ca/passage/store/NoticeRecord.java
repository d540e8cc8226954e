package ca.passage.store;

import java.time.Instant;

/** A stored notice: its metadata, and the canonical XML the translators read. {@code originPartner} is null for Canadian notices. */
public record NoticeRecord(
        String noticeId,
        String nationalFileNumber,
        int version,
        String requestedAction,
        String priority,
        String handlingCode,
        String legalBasis,
        String submittedBy,
        Instant receivedAt,
        String contentDigest,
        byte[] content,
        String approvalState,
        String approvedBy,
        Instant approvedAt,
        String originPartner) {

    /** True for a notice a foreign partner sent to Canada. */
    public boolean isInbound() {
        return originPartner != null;
    }
}
