package ca.passage.inbound;

import ca.passage.crypto.RefusalCode;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.notice.CaseNotice;
import ca.passage.partner.PartnerProfile;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeKind;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.InboundMark;
import ca.passage.store.MessageArchive;
import ca.passage.store.NoticeLifecycle;
import ca.passage.xml.SecureXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner withdraws a notice it sent to Canada, or asks that it be deleted or corrected (the inbound route's
 * step for Actions Withdraw, RequestDeletion, RequestCorrection). The request must refer to a notice message this
 * partner sent (UNKNOWN_REFERENCE otherwise). The stored notice is marked, the request is stored as an inbound
 * exchange, both with the audit event in one transaction; the domestic side is told on {@code inbound.domestic}
 * and in the domestic folder by a lifecycle notice (ids and codes only); a deletion request also deletes the
 * domestic copy {@code <notice>.xml}. The partner gets our signed receipt.
 */
public final class InboundLifecycle {

    public static final String DOMESTIC_NS = "urn:ca:passage:domestic:lifecycle:1";
    private static final Logger LOG = LoggerFactory.getLogger(InboundLifecycle.class);

    private final InboundSteps steps;
    private final ExchangeStore store;
    private final AuditLedger ledger;
    private final MessageArchive archive;
    private final Path domesticFolder;
    private final Clock clock;

    public InboundLifecycle(InboundSteps steps, ExchangeStore store, AuditLedger ledger, MessageArchive archive,
                            Path domesticFolder, Clock clock) {
        this.steps = steps;
        this.store = store;
        this.ledger = ledger;
        this.archive = archive;
        this.domesticFolder = domesticFolder;
        this.clock = clock;
    }

    /** The inbound route's step for a partner's withdrawal, deletion or correction request. */
    public InboundAnswer request(InboundMessage m) {
        PartnerProfile partner = m.partner();
        EnvelopeHeader header = m.header();
        LifecycleRequest request = LifecycleRequest.read(m.document());
        ExchangeRecord received = noticeMessage(store, partner.id(), request.refToMessageId());
        String noticeId = received.noticeId();
        NoticeLifecycle.State state = switch (request.kind()) {
            case WITHDRAWAL -> NoticeLifecycle.State.WITHDRAWN;
            case DELETION_REQUEST -> NoticeLifecycle.State.DELETION_REQUESTED;
            case CORRECTION_REQUEST -> NoticeLifecycle.State.CORRECTION_REQUESTED;
        };
        AuditAction action = switch (request.kind()) {
            case WITHDRAWAL -> AuditAction.INBOUND_NOTICE_WITHDRAWN;
            case DELETION_REQUEST -> AuditAction.INBOUND_DELETION_REQUESTED;
            case CORRECTION_REQUEST -> AuditAction.INBOUND_CORRECTION_REQUESTED;
        };
        Instant now = clock.instant();
        String exchangeId = "X-" + UUID.randomUUID();
        ExchangeRecord exchange = new ExchangeRecord(exchangeId, noticeId, partner.id(), Direction.IN,
                ExchangeState.RECEIVED_INBOUND, header.messageId(), header.conversationId(), 1, null, null, null,
                now, now, now, now).as(ExchangeKind.valueOf(request.kind().name()), request.refToMessageId(),
                request.reason().name());
        AuditEvent event = AuditEvent.exchange(now, "partner:" + partner.id(), action, noticeId, exchangeId,
                header.messageId(), partner.id()).withDigest(m.digest()).withOutcome(state.name(), request.reason().name());
        // the receipt is made first so the replay memory keeps it, in the transaction of the request's effect
        byte[] receipt = steps.signedReceipt(partner, header, m.digest());
        InboundMark mark = new InboundMark(partner.id(), header.messageId(), now, "application/xml", receipt);
        // a later request moves the notice on (withdrawn, then to be deleted); a repeated one leaves it as it is
        boolean moved = store.recordLifecycle(noticeId, state, request.reason().name(),
                EnumSet.complementOf(EnumSet.of(state)), List.of(exchange), List.of(), List.of(event), mark);
        if (!moved) {
            store.recordLifecycle(noticeId, null, null, java.util.Set.of(), List.of(exchange), List.of(), List.of(event),
                    mark);
        }
        if (request.kind() == LifecycleRequest.Kind.DELETION_REQUEST) {
            deleteDomesticCopy(partner, received, exchangeId, header.messageId());
        }
        LOG.info("partner {}: {} for inbound notice {}", partner.id(), request.kind(), noticeId);
        archive.store(MessageArchive.Direction.SENT, partner.id(), header.messageId(), exchangeId, receipt);
        // named from the exchange id Passage generated, never from the partner's notice id
        return new InboundAnswer(200, "application/xml", receipt, domesticNotice(request, noticeId, partner.id(), now),
                exchangeId + "." + request.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ".xml");
    }

    /**
     * The earlier inbound notice a partner's notice supersedes: the one its {@code refToMessageId} carried (an
     * Update; refused when unknown), or else the one its own {@code supersedes} names, if Passage holds it. Null
     * for a first version.
     */
    static String supersededNotice(ExchangeStore store, String partnerId, String refToMessageId, CaseNotice notice) {
        if (refToMessageId != null) {
            return noticeMessage(store, partnerId, refToMessageId).noticeId();
        }
        if (notice.supersedes() == null || notice.supersedes().isBlank()) {
            return null;
        }
        String earlier = InboundSteps.inboundNoticeId(partnerId, notice.supersedes());
        return store.findNotice(earlier).filter(n -> partnerId.equals(n.originPartner())).map(n -> earlier).orElse(null);
    }

    /** The inbound exchange that carried a notice (or an update) from this partner; refused UNKNOWN_REFERENCE otherwise. */
    private static ExchangeRecord noticeMessage(ExchangeStore store, String partnerId, String messageId) {
        Optional<ExchangeRecord> found = store.findByMessageId(partnerId, messageId)
                .filter(e -> e.direction() == Direction.IN && e.kind().carriesNotice());
        return found.orElseThrow(() -> new InboundRefusal(RefusalCode.UNKNOWN_REFERENCE, "no notice message " + messageId + " was received from " + partnerId));
    }

    /** The domestic copy of the notice {@code carrier} brought: the file named after that message's exchange id. */
    private void deleteDomesticCopy(PartnerProfile partner, ExchangeRecord carrier, String exchangeId, String messageId) {
        String noticeId = carrier.noticeId();
        Path copy = domesticFolder.resolve(carrier.exchangeId() + ".xml");
        try {
            if (Files.deleteIfExists(copy)) {
                ledger.append(AuditEvent.exchange(clock.instant(), "system", AuditAction.DOMESTIC_COPY_DELETED, noticeId,
                        exchangeId, messageId, partner.id()).withOutcome("DELETED", null));
            }
        } catch (IOException e) {
            // the request is recorded and the domestic side told; the file stays for a person to remove
            LOG.warn("domestic copy of {} not deleted: {}", noticeId, e.getMessage());
            ledger.append(AuditEvent.exchange(clock.instant(), "system", AuditAction.DOMESTIC_COPY_DELETED, noticeId,
                    exchangeId, messageId, partner.id()).withOutcome("FAILED", "IO_ERROR"));
        }
    }

    /** What the domestic side reads: which notice, what the partner asks, why; no personal data. */
    private static byte[] domesticNotice(LifecycleRequest request, String noticeId, String partnerId, Instant at) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element root = doc.createElementNS(DOMESTIC_NS, "LifecycleNotice");
        doc.appendChild(root);
        add(doc, root, "NoticeId", noticeId);
        add(doc, root, "Partner", partnerId);
        add(doc, root, "Kind", request.kind().name());
        add(doc, root, "Reason", request.reason().name());
        add(doc, root, "RefToMessageId", request.refToMessageId());
        add(doc, root, "ReceivedAt", at.toString());
        return SecureXml.toBytes(doc);
    }

    private static void add(Document doc, Element parent, String name, String value) {
        Element e = doc.createElementNS(DOMESTIC_NS, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }
}
