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
        OpenedMessage m = verify(raw, sender, expectedProfile);
        String messageId = m.headerField("MessageId");
        if (!seen.firstSeen(sender.partnerId(), messageId, freshness.check(m.headerField("Timestamp")))) {
            throw new SecurityRefusal(RefusalCode.REPLAY, "message " + messageId + " from " + sender.partnerId()
                    + " was already accepted");
        }
        return m;
    }

    /**
     * Every check of {@link #accept} but the replay memory: for a caller that remembers the message in the
     * transaction of its effect (the gateway's inbound steps), so that a failed first attempt can be retried.
     */
    public OpenedMessage verify(byte[] raw, PartnerTrust sender, CryptoProfile expectedProfile) {
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
        freshness.check(m.headerField("Timestamp"));
        return m;
    }
}
