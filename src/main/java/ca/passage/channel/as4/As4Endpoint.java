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
import ca.passage.inbound.SeenMessageStore;
import ca.passage.crypto.RefusalCode;
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
    private final SeenMessageStore seen;
    private final MessageArchive archive;
    private final AuditLedger ledger;
    private final Clock clock;

    public As4Endpoint(PartnerRegistry partners, As4PartnerChannel channel, InboundSteps inbound, SeenMessageStore seen,
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
        AtomicReference<String> detail = new AtomicReference<>();
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
                            // the reason goes to the audit; the sender is told nothing about the partner's state
                            detail.set(r.auditCode());
                            throw new As4Exception(EbmsErrorCode.FAILED_AUTHENTICATION,
                                    RefusalCode.SENDER_NOT_ACCEPTED.name() + ": the sender is not accepted");
                        }
                        sender.set(p);
                        return resolved;
                    },
                    // remembered by the notice's own transaction (InboundSteps.storeNotice), so a failed one can be retried
                    messageId -> seen.find(sender.get().id(), messageId).isEmpty(),
                    received -> stored.set(deliver(sender.get(), received, raw, digest)));
        } catch (IllegalArgumentException e) {
            answer = null;
            return refused(new As4Exception(EbmsErrorCode.INVALID_HEADER, e.getMessage()), null, digest);
        }
        if (answer.outcome() == As4Responder.Outcome.REFUSED) {
            return refused(answer.refusal(), sender.get(), digest, answer.packet(), detail.get());
        }
        String messageId = answer.message().message().messageId();
        InboundSteps.StoredNotice s = stored.get();
        if (s == null) {
            // reception awareness: the original receipt again when it was kept, else (a stop between the notice's
            // transaction and its receipt, or a message from before receipts were kept) the receipt made just now
            SeenMessageStore.Remembered original = seen.find(sender.get().id(), messageId)
                    .filter(SeenMessageStore.Remembered::hasAnswer).orElse(null);
            LOG.info("duplicate AS4 message from {} answered with {} receipt", sender.get().id(),
                    original == null ? "a new" : "its original");
            ledger.append(AuditEvent.of(clock.instant(), "partner:" + sender.get().id(), AuditAction.INBOUND_DUPLICATE)
                    .withPartner(sender.get().id()).withDigest(digest).withOutcome("DUPLICATE", null));
            return original == null
                    ? new InboundAnswer(200, answer.packet().contentType(), answer.packet().body(), null, null)
                    : new InboundAnswer(200, original.answerType(), original.answer(), null, null);
        }
        archive.store(MessageArchive.Direction.SENT, sender.get().id(), messageId, s.exchangeId(), answer.packet().body());
        seen.keepAnswer(sender.get().id(), messageId, answer.packet().contentType(), answer.packet().body());
        return new InboundAnswer(200, answer.packet().contentType(), answer.packet().body(), s.canonical(),
                s.domesticName());
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
        // without a handlingCode property, the payload's own handling code applies
        String handlingCode = received.message().messageProperties().get("handlingCode");
        try {
            InboundSteps.checkIds(received.message().messageId(), received.message().conversationId());
            return inbound.storeNotice(partner, received.message().messageId(), received.message().conversationId(),
                    handlingCode, element, digest, null, null);
        } catch (InboundRefusal r) {
            throw new As4Exception(EbmsErrorCode.VALUE_NOT_RECOGNIZED, r.auditCode() + ": " + r.getMessage());
        }
    }

    private InboundAnswer refused(As4Exception refusal, PartnerProfile sender, String digest) {
        return refused(refusal, sender, digest, channel.codec().error(refusal), null);
    }

    /** {@code detail}: the audited reason when the answer does not give it (an unidentified sender), else null. */
    private InboundAnswer refused(As4Exception refusal, PartnerProfile sender, String digest, As4Packet error,
                                  String detail) {
        LOG.warn("AS4 message refused: {} {}", refusal.code().code(), detail == null ? refusal.getMessage() : detail);
        ledger.append(AuditEvent.of(clock.instant(), sender == null ? "unknown-sender" : "partner:" + sender.id(),
                        AuditAction.INBOUND_REFUSED)
                .withPartner(sender == null ? null : sender.id()).withDigest(digest)
                .withOutcome("REFUSED", detail == null ? refusal.code().code() : detail));
        return new InboundAnswer(200, error.contentType(), error.body(), null, null);
    }
}
