package ca.passage.crypto;

import java.util.Objects;

/**
 * The inbound path: open (decrypt + verify against the pinned certificate), then check that the verified
 * Header's From is the partner whose certificate verified it, that its Timestamp is fresh, and that its
 * MessageId was not accepted before. The replay memory is written only for messages that passed every check.
 */
public final class InboundGuard {
    private final MessageOpener opener;
    private final FreshnessCheck freshness;
    private final SeenMessages seen;

    public InboundGuard(MessageOpener opener, FreshnessCheck freshness, SeenMessages seen) {
        this.opener = Objects.requireNonNull(opener);
        this.freshness = Objects.requireNonNull(freshness);
        this.seen = Objects.requireNonNull(seen);
    }

    public OpenedMessage accept(byte[] raw, PartnerTrust sender, CryptoProfile expectedProfile) {
        OpenedMessage m = opener.open(raw, sender, expectedProfile);
        String from = m.headerField("From");
        if (!sender.partnerId().equals(from)) {
            throw new SecurityRefusal(RefusalCode.SENDER_MISMATCH, "signed header names sender '" + from
                    + "' but the signature is from " + sender.partnerId());
        }
        String messageId = m.headerField("MessageId");
        if (messageId == null || messageId.isEmpty()) {
            throw new SecurityRefusal(RefusalCode.MALFORMED, "signed header has no MessageId");
        }
        var ts = freshness.check(m.headerField("Timestamp"));
        if (!seen.firstSeen(sender.partnerId(), messageId, ts)) {
            throw new SecurityRefusal(RefusalCode.REPLAY, "message " + messageId + " from " + sender.partnerId()
                    + " was already accepted");
        }
        return m;
    }
}
