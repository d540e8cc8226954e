package ca.passage.channel.as4;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import ca.passage.as4.As4Exception;
import ca.passage.as4.As4Inbound;
import ca.passage.as4.As4Packet;
import ca.passage.as4.As4Payload;
import ca.passage.as4.As4Responder;
import ca.passage.as4.EbmsErrorCode;
import ca.passage.as4.ReceivedUserMessage;
import ca.passage.crypto.SeenMessages;
import ca.passage.envelope.Digests;
import ca.passage.inbound.InboundAnswer;
import ca.passage.inbound.InboundRefusal;
import ca.passage.inbound.InboundSteps;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.store.MessageArchive;
import ca.passage.xml.SecureXml;

/**
 * The gateway's AS4 endpoint ({@code POST /exchange/v1/as4}, routes/inbound.camel.yaml): an {@code as4} partner's
 * UserMessage is verified and decrypted, de-duplicated by MessageId, its payload handed to the same inbound notice
 * path as our own envelope's (translate → store → domestic queue and folder), and answered with our signed receipt;
 * a refusal is answered with an ebMS Error signal and audited.
 */
public final class As4Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(As4Endpoint.class);

    private final PartnerRegistry partners;
    private final As4PartnerChannel channel;
    private final InboundSteps inbound;
    private final SeenMessages seen;
    private final MessageArchive archive;
    private final AuditLedger ledger;
    private final Clock clock;

    public As4Endpoint(PartnerRegistry partners, As4PartnerChannel channel, InboundSteps inbound, SeenMessages seen,
                       MessageArchive archive, AuditLedger ledger, Clock clock) {
        this.partners = partners;
        this.channel = channel;
        this.inbound = inbound;
        this.seen = seen;
        this.archive = archive;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * {@code tlsPartner} is the partner the mutual-TLS client certificate proves (set by the access gate on the
     * partners' listener); the UserMessage's From party must be that same partner.
     */
    public InboundAnswer receive(byte[] raw, String contentType, String tlsPartner) {
        String digest = Digests.sha256(raw == null ? new byte[0] : raw);
        List<PartnerProfile> as4Partners = partners.all().stream().filter(p -> p.channel().isAs4()).toList();
        AtomicReference<PartnerProfile> sender = new AtomicReference<>();
        AtomicReference<InboundSteps.StoredNotice> stored = new AtomicReference<>();
        As4Responder.Answer answer;
        try {
            As4Packet packet = new As4Packet(contentType == null ? "" : contentType, raw == null ? new byte[0] : raw);
            answer = new As4Responder(channel.codec()).answer(packet,
                    header -> {
                        As4Inbound resolved = channel.senders(as4Partners).apply(header);
                        PartnerProfile p = channel.senderOf(as4Partners, header);
                        if (tlsPartner != null && !tlsPartner.equals(p.id())) {
                            throw new As4Exception(EbmsErrorCode.FAILED_AUTHENTICATION,
                                    "the From party is not the partner the TLS client certificate proves");
                        }
                        try {
                            inbound.acceptingPartner(p.id());
                        } catch (InboundRefusal r) {
                            throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, r.getMessage());
                        }
                        sender.set(p);
                        return resolved;
                    },
                    messageId -> seen.firstSeen(sender.get().id(), messageId, clock.instant()),
                    received -> stored.set(deliver(sender.get(), received, raw, digest)));
        } catch (IllegalArgumentException e) {
            answer = null;
            return refused(new As4Exception(EbmsErrorCode.INVALID_HEADER, e.getMessage()), null, digest);
        }
        if (answer.outcome() == As4Responder.Outcome.REFUSED) {
            return refused(answer.refusal(), sender.get(), digest, answer.packet());
        }
        String messageId = answer.message().message().messageId();
        InboundSteps.StoredNotice s = stored.get();
        archive.store(MessageArchive.Direction.SENT, sender.get().id(), messageId, s == null ? null : s.exchangeId(),
                answer.packet().body());
        if (s == null) {
            LOG.info("duplicate AS4 message from {} answered with a receipt again", sender.get().id());
            return new InboundAnswer(200, answer.packet().contentType(), answer.packet().body(), null, null);
        }
        return new InboundAnswer(200, answer.packet().contentType(), answer.packet().body(), s.canonical(),
                s.noticeId() + ".xml");
    }

    private InboundSteps.StoredNotice deliver(PartnerProfile partner, ReceivedUserMessage received, byte[] raw,
                                              String digest) {
        archive.store(MessageArchive.Direction.RECEIVED, partner.id(), received.message().messageId(), null, raw);
        if (received.message().payloads().size() != 1) {
            throw new As4Exception(EbmsErrorCode.VALUE_INCONSISTENT, "expected one payload, got "
                    + received.message().payloads().size());
        }
        As4Payload payload = received.message().payloads().get(0);
        Element element;
        try {
            element = SecureXml.parse(payload.content()).getDocumentElement();
        } catch (SAXException e) {
            throw new As4Exception(EbmsErrorCode.VALUE_INCONSISTENT, "payload is not well-formed XML");
        }
        String handlingCode = received.message().messageProperties()
                .getOrDefault("handlingCode", partner.agreement().defaultHandlingCode().name());
        try {
            return inbound.storeNotice(partner, received.message().messageId(), received.message().conversationId(),
                    handlingCode, element, digest);
        } catch (InboundRefusal r) {
            throw new As4Exception(EbmsErrorCode.VALUE_NOT_RECOGNIZED, r.getMessage());
        }
    }

    private InboundAnswer refused(As4Exception refusal, PartnerProfile sender, String digest) {
        return refused(refusal, sender, digest, channel.codec().error(refusal));
    }

    private InboundAnswer refused(As4Exception refusal, PartnerProfile sender, String digest, As4Packet error) {
        LOG.warn("AS4 message refused: {} {}", refusal.code().code(), refusal.getMessage());
        ledger.append(AuditEvent.of(clock.instant(), sender == null ? "unknown-sender" : "partner:" + sender.id(),
                        AuditAction.INBOUND_REFUSED)
                .withPartner(sender == null ? null : sender.id()).withDigest(digest)
                .withOutcome("REFUSED", refusal.code().code()));
        return new InboundAnswer(200, error.contentType(), error.body(), null, null);
    }
}
