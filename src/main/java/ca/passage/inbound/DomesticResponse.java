package ca.passage.inbound;

import ca.passage.channel.DeliveryException;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.ExchangeRecord;
import ca.passage.ledger.ExchangeStore;
import ca.passage.ledger.MessageArchive;
import ca.passage.ledger.NoticeRecord;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;

import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The domestic side's answer to a partner's notice: accepted, or rejected with a code and text. It goes to the
 * partner as a signed, encrypted business response referencing the partner's message, and the partner's signed
 * receipt for it is verified before the answer counts as given.
 */
public final class DomesticResponse {

    /** What happened: the partner's receipt digest on success. */
    public record Outcome(String noticeId, String partnerId, String responseMessageId, String receiptDigest) {
    }

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final TrustStore trust;
    private final MessageSealer sealer;
    private final MessageOpener opener;
    private final PartnerHttpChannel channel;
    private final AuditLedger ledger;
    private final MessageArchive archive;
    private final Clock clock;

    public DomesticResponse(ExchangeStore store, PartnerRegistry partners, TrustStore trust, MessageSealer sealer,
                            MessageOpener opener, PartnerHttpChannel channel, AuditLedger ledger, MessageArchive archive,
                            Clock clock) {
        this.store = store;
        this.partners = partners;
        this.trust = trust;
        this.sealer = sealer;
        this.opener = opener;
        this.channel = channel;
        this.ledger = ledger;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * @throws NoSuchElementException   no such inbound notice
     * @throws IllegalArgumentException a Canadian notice, or a rejection without a code
     * @throws DeliveryException        the partner could not be reached or its receipt did not verify; retry later
     */
    public Outcome respond(String noticeId, BusinessResponse response, String officer) {
        NoticeRecord notice = store.findNotice(noticeId).orElseThrow(() -> new NoSuchElementException("no notice " + noticeId));
        if (!notice.isInbound()) {
            throw new IllegalArgumentException("notice " + noticeId + " is Canadian: only a partner's notice gets a business response");
        }
        if (response.rejected() && (response.errorCode() == null || response.errorCode().isBlank())) {
            throw new IllegalArgumentException("a rejection needs an error code");
        }
        ExchangeRecord received = store.exchangesOf(noticeId).stream().filter(e -> "IN".equals(e.direction()))
                .findFirst().orElseThrow(() -> new NoSuchElementException("no inbound exchange for " + noticeId));
        PartnerProfile partner = partners.get(received.partnerId());
        TrustStore.PartnerSecurity security = trust.of(partner.id());
        String messageId = UUID.randomUUID() + "@passage.gc.ca";
        EnvelopeHeader header = new EnvelopeHeader(messageId, received.conversationId(), received.messageId(),
                EnvelopeHeader.GATEWAY_ID, partner.id(), EnvelopeHeader.SERVICE_NOTICE, BusinessResponse.ACTION,
                clock.instant(), notice.handlingCode(), BusinessResponse.FORMAT);
        byte[] sealed = sealer.seal(Envelope.build(header, response.payload()), security.trust(), security.profile());
        archive.store(MessageArchive.Direction.SENT, partner.id(), messageId, received.exchangeId(), sealed);
        AuditEvent audit = AuditEvent.exchange(clock.instant(), officer, "DOMESTIC_RESPONSE_SENT", noticeId,
                received.exchangeId(), messageId, partner.id()).withDigest(Digests.sha256(sealed));
        try {
            byte[] answer = channel.post(partner.channel().endpoint(), sealed);
            Receipt receipt = Receipt.read(opener.open(answer, security.trust(), security.profile()).document());
            if (!messageId.equals(receipt.header().refToMessageId())
                    || !receipt.receivedDigest().equalsIgnoreCase(Digests.sha256(sealed))) {
                throw new DeliveryException("the partner's receipt does not match the response sent");
            }
            ledger.append(audit.withOutcome(response.status(), response.errorCode()));
            return new Outcome(noticeId, partner.id(), messageId, Digests.sha256(answer));
        } catch (SecurityRefusal | EnvelopeException e) {
            ledger.append(audit.withOutcome("FAILED", "INVALID_RECEIPT"));
            throw new DeliveryException("the partner's receipt did not verify: " + e.getMessage());
        } catch (DeliveryException e) {
            ledger.append(audit.withOutcome("FAILED", "DELIVERY_FAILURE"));
            throw e;
        }
    }
}
