package ca.passage.inbound;

import ca.passage.as4.EbmsErrorCode;
import ca.passage.crypto.InboundGuard;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.OpenedMessage;
import ca.passage.crypto.RefusalCode;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.ErrorSignal;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.InboundMark;
import ca.passage.store.MessageArchive;
import ca.passage.store.NoticeRecord;
import ca.passage.store.Transition;
import ca.passage.notice.CaseNotice;
import ca.passage.notice.HandlingCode;
import ca.passage.notice.NoticeParser;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.translate.TranslationException;
import ca.passage.translate.TranslatorRegistry;
import ca.passage.xml.SecureXml;
import ca.passage.xml.Violation;
import ca.passage.xml.XmlSchemaValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A partner's message at {@code POST /exchange/v1/inbound}: identify the sender, then decrypt, verify against its
 * pinned certificate, refuse replays and stale timestamps (all in {@link InboundGuard}), then act on it by its
 * Action: a receipt or business response closes one of our exchanges, a notice goes to the domestic side. Every
 * refusal is answered with an ebMS-style error signal and audited; nothing is stored or queued for it.
 */
public final class InboundSteps {

    private static final Logger LOG = LoggerFactory.getLogger(InboundSteps.class);
    private static final EnumSet<ExchangeState> AWAITING_RECEIPT =
            EnumSet.of(ExchangeState.SENDING, ExchangeState.SENT, ExchangeState.ACK_OVERDUE);

    private final PartnerRegistry partners;
    private final Predicate<String> suspended;
    private final TrustStore trust;
    private final InboundGuard guard;
    private final MessageSealer sealer;
    private final TranslatorRegistry translators;
    private final NoticeParser notices;
    private final ExchangeStore store;
    private final AuditLedger ledger;
    private final MessageArchive archive;
    private final SeenMessageStore replayMemory;
    private final UnidentifiedRefusals unidentified;
    private final long maxBytes;
    private final Clock clock;
    private final XmlSchemaValidator canadianSchema = XmlSchemaValidator.fromClasspath(NoticeParser.SCHEMA);

    public InboundSteps(PartnerRegistry partners, Predicate<String> suspended, TrustStore trust, InboundGuard guard,
                        MessageSealer sealer, TranslatorRegistry translators, NoticeParser notices,
                        ExchangeStore store, AuditLedger ledger, MessageArchive archive, SeenMessageStore replayMemory,
                        UnidentifiedRefusals unidentified, long maxBytes, Clock clock) {
        this.partners = partners;
        this.suspended = suspended;
        this.trust = trust;
        this.guard = guard;
        this.sealer = sealer;
        this.translators = translators;
        this.notices = notices;
        this.store = store;
        this.ledger = ledger;
        this.archive = archive;
        this.replayMemory = replayMemory;
        this.unidentified = unidentified;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Step 1: the sender its header claims, a known partner not suspended; size and well-formedness first. */
    public InboundMessage identify(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new InboundRefusal(RefusalCode.EMPTY, "empty message");
        }
        if (raw.length > maxBytes) {
            throw new InboundRefusal(RefusalCode.OVERSIZE,
                    "message is " + raw.length + " bytes; the limit is " + maxBytes);
        }
        return InboundMessage.identified(raw, Digests.sha256(raw), knownPartner(peekHeader(raw).from()));
    }

    /**
     * Step 1b: over HTTP, {@code tlsPartner} is the partner the mutual-TLS client certificate proves (the access gate
     * sets it on every request of the partners' listener and answers 404 to /exchange/ on the officers' one, so an
     * HTTP message never arrives without it); the envelope's From must name that same partner. Over JMS there is no
     * TLS identity (null): the bridged queue's broker authenticates, and the signature check below still applies.
     */
    public InboundMessage matchTlsIdentity(InboundMessage m, String tlsPartner) {
        if (tlsPartner != null && !tlsPartner.equals(m.partner().id())) {
            throw new InboundRefusal(RefusalCode.TLS_IDENTITY_MISMATCH,
                    "the envelope's From is not the partner the TLS client certificate proves");
        }
        return m;
    }

    /**
     * Step 2: decrypted, verified against the partner's pinned certificate, fresh and not a replay; then its signed
     * header checked against the contract, whatever its action: bounded field lengths, addressed to us, a service we
     * serve, the payload format its action and the partner's profile call for, a handling code H0 to H3.
     */
    public InboundMessage open(InboundMessage m) {
        TrustStore.PartnerSecurity security = trust.of(m.partner().id());
        OpenedMessage opened = guard.verify(m.raw(), security.trust(), security.profile());
        InboundMessage o = m.opened(opened.document(), Envelope.readHeader(opened.document()));
        checkHeader(o.header(), o.action(), o.partner());
        Optional<SeenMessageStore.Remembered> seen = replayMemory.find(o.partner().id(), o.header().messageId());
        if (seen.isEmpty()) {
            return o;
        }
        if (!seen.get().hasAnswer()) {
            throw new SecurityRefusal(RefusalCode.REPLAY, "message " + o.header().messageId() + " from "
                    + o.partner().id() + " was already accepted");
        }
        return o.duplicateOf(new InboundAnswer(200, seen.get().answerType(), seen.get().answer(), null, null));
    }

    /**
     * A duplicate of a message already accepted (the partner retrying, or the same bytes again within the replay
     * window): answered with the answer it got then, the original signed receipt (AS4 reception awareness), audited,
     * and not processed again.
     */
    public InboundAnswer answerDuplicate(InboundMessage m) {
        ledger.append(AuditEvent.of(clock.instant(), "partner:" + m.partner().id(), AuditAction.INBOUND_DUPLICATE)
                .withPartner(m.partner().id()).withDigest(m.digest()).withOutcome("DUPLICATE", null));
        return m.original();
    }

    /**
     * After the action: the message is remembered with its answer, for a kind whose action did not do it in its own
     * transaction (see {@link SeenMessageStore#rememberIfAbsent}); the answer passes through unchanged.
     */
    public InboundAnswer remember(InboundMessage m, InboundAnswer answer) {
        replayMemory.rememberIfAbsent(m.partner().id(), m.header().messageId(), answer.contentType(), answer.body());
        return answer;
    }

    /** The replay-memory row of an accepted message, written with its effect; {@code answer} null: not made yet. */
    private InboundMark mark(PartnerProfile partner, String messageId, InboundAnswer answer) {
        return new InboundMark(partner.id(), messageId, clock.instant(), answer == null ? null : answer.contentType(),
                answer == null ? null : answer.body());
    }

    /** Header field limits: the store's column sizes, so an over-long field is a refusal, never a database error. */
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_NAME_LENGTH = 64;

    private void checkHeader(EnvelopeHeader h, InboundAction action, PartnerProfile partner) {
        checkIds(h.messageId(), h.conversationId());
        boundedLength("RefToMessageId", h.refToMessageId(), MAX_ID_LENGTH);
        boundedLength("From", h.from(), MAX_NAME_LENGTH);
        boundedLength("To", h.to(), MAX_NAME_LENGTH);
        boundedLength("Service", h.service(), MAX_ID_LENGTH);
        boundedLength("Action", h.action(), MAX_NAME_LENGTH);
        boundedLength("PayloadFormat", h.payloadFormat(), MAX_NAME_LENGTH);
        if (!EnvelopeHeader.GATEWAY_ID.equals(h.to())) {
            throw refusal(RefusalCode.UNKNOWN_RECIPIENT, "the message is addressed to another party than "
                    + EnvelopeHeader.GATEWAY_ID);
        }
        if (!EnvelopeHeader.SERVICE_NOTICE.equals(h.service())) {
            throw refusal(RefusalCode.UNKNOWN_SERVICE, "the service is not one Passage serves");
        }
        String format = switch (action) {
            case RECEIPT -> Receipt.FORMAT;
            case RESPONSE -> BusinessResponse.FORMAT;
            case LIFECYCLE_REQUEST -> LifecycleRequest.FORMAT;
            case NOTICE, UPDATE -> translators.forFormat(partner.format()).payloadFormat();
        };
        if (!format.equals(h.payloadFormat())) {
            throw refusal(RefusalCode.PAYLOAD_FORMAT_MISMATCH, "a " + action + " from " + partner.id()
                    + " must be in payload format " + format);
        }
        handlingCode(h.handlingCode());
    }

    /** A partner's message and conversation ids, whatever envelope carried them: present and within the limit. */
    public static void checkIds(String messageId, String conversationId) {
        boundedLength("MessageId", messageId, MAX_ID_LENGTH);
        boundedLength("ConversationId", conversationId, MAX_ID_LENGTH);
    }

    private static void boundedLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw refusal(RefusalCode.HEADER_FIELD_TOO_LONG, "header " + field + " is " + value.length()
                    + " characters; the limit is " + max);
        }
    }

    private static HandlingCode handlingCode(String code) {
        try {
            return HandlingCode.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refusal(RefusalCode.HANDLING_CODE_INVALID, "the handling code must be one of H0, H1, H2, H3");
        }
    }

    /** A refusal with its own code, answered with the ebMS error the code maps to. */
    static InboundRefusal refusal(RefusalCode code, String message) {
        return new InboundRefusal(code, message);
    }

    /** Step 3: only authenticated messages are archived; a refused one is kept as its digest in the audit event. */
    public InboundMessage archive(InboundMessage m) {
        archive.store(MessageArchive.Direction.RECEIVED, m.partner().id(), m.header().messageId(), null, m.raw());
        return m;
    }

    private EnvelopeHeader peekHeader(byte[] raw) {
        Document doc;
        try {
            doc = SecureXml.parse(raw);
        } catch (SAXException e) {
            throw new InboundRefusal(RefusalCode.MALFORMED,
                    e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                            ? "DOCTYPE declarations are not accepted" : "message is not well-formed XML");
        }
        return Envelope.readHeader(doc);
    }

    private PartnerProfile knownPartner(String id) {
        PartnerProfile partner = partners.find(id).orElseThrow(() -> new InboundRefusal(
                RefusalCode.UNKNOWN_PARTNER, "sender " + id + " is not a known partner"));
        if (!partner.enabled() || suspended.test(partner.id())) {
            throw new InboundRefusal(RefusalCode.PARTNER_SUSPENDED,
                    "partner " + id + " is suspended or disabled");
        }
        return partner;
    }

    /** An asynchronous receipt for one of our messages. Unknown or closed: audited and ignored, not an error. */
    public InboundAnswer receipt(InboundMessage m) {
        PartnerProfile partner = m.partner();
        String digest = m.digest();
        Receipt receipt = Receipt.read(m.document());
        if (!Receipt.RECEIVED.equals(receipt.status())) {
            throw refusal(RefusalCode.RECEIPT_NOT_SUCCESS, "a receipt's Status must be " + Receipt.RECEIVED);
        }
        Optional<ExchangeRecord> found = store.findByMessageId(partner.id(), receipt.header().refToMessageId());
        InboundAnswer answer = InboundAnswer.xml(200, new byte[0]);
        InboundMark mark = mark(partner, m.header().messageId(), answer);
        if (found.isEmpty() || !AWAITING_RECEIPT.contains(found.get().state())) {
            store.recordInbound(AuditEvent.of(clock.instant(), "partner:" + partner.id(), AuditAction.RECEIPT_IGNORED)
                    .withPartner(partner.id()).withDigest(digest)
                    .withOutcome("IGNORED", found.isEmpty() ? "UNKNOWN_MESSAGE" : "ALREADY_CLOSED"), mark);
            return answer;
        }
        ExchangeRecord e = found.get();
        if (e.sentDigest() == null || !e.sentDigest().equalsIgnoreCase(receipt.receivedDigest())) {
            throw new InboundRefusal(RefusalCode.RECEIPT_DIGEST_MISMATCH,
                    "receipt digest does not match the message sent as " + e.messageId());
        }
        store.transition(Transition.of(e.exchangeId(), AWAITING_RECEIPT, ExchangeState.ACKNOWLEDGED,
                AuditEvent.exchange(null, "partner:" + partner.id(), AuditAction.RECEIPT_ACCEPTED, e.noticeId(), e.exchangeId(),
                        e.messageId(), e.partnerId()).withDigest(digest).withOutcome("OK", null))
                .withReceiptDigest(digest), mark);
        return answer;
    }

    /** The partner accepted or rejected one of our notices. */
    public InboundAnswer businessResponse(InboundMessage m) {
        PartnerProfile partner = m.partner();
        EnvelopeHeader header = m.header();
        String digest = m.digest();
        BusinessResponse response = BusinessResponse.read(m.document());
        Optional<ExchangeRecord> found = Optional.ofNullable(header.refToMessageId())
                .flatMap(ref -> store.findByMessageId(partner.id(), ref));
        InboundAnswer answer = InboundAnswer.xml(200, new byte[0]);
        InboundMark mark = mark(partner, header.messageId(), answer);
        if (found.isEmpty()) {
            store.recordInbound(AuditEvent.of(clock.instant(), "partner:" + partner.id(), AuditAction.RESPONSE_IGNORED)
                    .withPartner(partner.id()).withDigest(digest).withOutcome("IGNORED", "UNKNOWN_MESSAGE"), mark);
            return answer;
        }
        ExchangeRecord e = found.get();
        AuditEvent audit = AuditEvent.exchange(null, "partner:" + partner.id(),
                response.rejected() ? AuditAction.PARTNER_REJECTED : AuditAction.PARTNER_ACCEPTED, e.noticeId(), e.exchangeId(),
                e.messageId(), e.partnerId()).withDigest(digest).withOutcome(response.status(), response.errorCode());
        if (response.rejected()) {
            EnumSet<ExchangeState> from = EnumSet.of(ExchangeState.SENT, ExchangeState.ACK_OVERDUE, ExchangeState.ACKNOWLEDGED);
            store.transition(Transition.of(e.exchangeId(), from, ExchangeState.REJECTED, audit)
                    .withError("partner rejected: " + (response.errorCode() == null ? "" : response.errorCode() + " ")
                            + (response.description() == null ? "" : response.description())), mark);
        } else {
            store.recordInbound(audit, mark);
        }
        return answer;
    }

    /** A partner's notice for Canada: translated, stored, handed to the domestic side, receipted. */
    public InboundAnswer notice(InboundMessage m) {
        PartnerProfile partner = m.partner();
        EnvelopeHeader header = m.header();
        String digest = m.digest();
        byte[] receipt = signedReceipt(partner, header, digest);
        StoredNotice stored = storeNotice(partner, header.messageId(), header.conversationId(), header.handlingCode(),
                Envelope.payloadContent(m.document()), digest, null, InboundAnswer.xml(200, receipt));
        archive.store(MessageArchive.Direction.SENT, partner.id(), header.messageId(), stored.exchangeId(), receipt);
        return new InboundAnswer(200, "application/xml", receipt, stored.canonical(), stored.domesticName());
    }

    /**
     * A partner's updated notice (Action Update): stored like a notice, superseding the one its RefToMessageId
     * carried (refused UNKNOWN_REFERENCE when there is none), handed to the domestic side, receipted.
     */
    public InboundAnswer update(InboundMessage m) {
        PartnerProfile partner = m.partner();
        EnvelopeHeader header = m.header();
        if (header.refToMessageId() == null) {
            throw new InboundRefusal(RefusalCode.UNKNOWN_REFERENCE,
                    "an Update must name the message it supersedes in RefToMessageId");
        }
        byte[] receipt = signedReceipt(partner, header, m.digest());
        StoredNotice stored = storeNotice(partner, header.messageId(), header.conversationId(), header.handlingCode(),
                Envelope.payloadContent(m.document()), m.digest(), header.refToMessageId(), InboundAnswer.xml(200, receipt));
        archive.store(MessageArchive.Direction.SENT, partner.id(), header.messageId(), stored.exchangeId(), receipt);
        return new InboundAnswer(200, "application/xml", receipt, stored.canonical(), stored.domesticName());
    }

    /** An accepted inbound notice: its id, its exchange, and the Canadian-format document for the domestic side. */
    public record StoredNotice(String noticeId, String exchangeId, byte[] canonical) {

        /**
         * The file name under the domestic folder: the exchange id Passage generated, never the partner's notice id
         * (which may hold {@code /} or {@code ..}); the document inside names the notice.
         */
        public String domesticName() {
            return exchangeId + ".xml";
        }
    }

    /**
     * A partner's authenticated notice payload, whatever envelope carried it (ours or AS4): translated to the
     * Canadian model, checked against the Canadian schema, stored with its inbound exchange and audit event.
     *
     * @param handlingCode the handling code the envelope declares (null: none, the payload's applies); it must be
     *                     the payload's own
     * @param refToMessageId for an updated notice, the message that carried the version it supersedes (null for a
     *                       first version). A notice whose own {@code supersedes} names an earlier notice of the same
     *                       partner supersedes it too (every partner format carries that field); the earlier notice is
     *                       marked SUPERSEDED in the same transaction
     * @param answer       the answer the partner gets (kept for duplicates); null when it is made afterwards
     * @throws InboundRefusal when the payload is not a valid message in the partner's format; UNKNOWN_REFERENCE when
     *                        {@code refToMessageId} is no notice this partner sent, REFERENCE_CLOSED when that notice
     *                        is already superseded or withdrawn
     */
    public StoredNotice storeNotice(PartnerProfile partner, String messageId, String conversationId,
                                    String handlingCode, Element payload, String digest, String refToMessageId,
                                    InboundAnswer answer) {
        CaseNotice notice;
        try {
            notice = translators.forFormat(partner.format()).fromPartner(payload, partner);
        } catch (TranslationException e) {
            throw new InboundRefusal(RefusalCode.INVALID_PAYLOAD, e.getMessage());
        }
        HandlingCode payloadCode = notice.handling() == null ? null : notice.handling().code();
        if (handlingCode == null && payloadCode != null) {
            handlingCode = payloadCode.name();
        }
        if (payloadCode != handlingCode(handlingCode)) {
            throw refusal(RefusalCode.HANDLING_CODE_MISMATCH, "the header's handling code " + handlingCode
                    + " is not the payload's " + payloadCode);
        }
        byte[] canonical = notices.toXml(notice);
        List<Violation> violations = canadianSchema.validate(canonical);
        if (!violations.isEmpty()) {
            throw new InboundRefusal(RefusalCode.INVALID_PAYLOAD,
                    violations.size() + " schema violation(s), first at " + violations.get(0).path());
        }
        Instant now = clock.instant();
        String superseded = InboundLifecycle.supersededNotice(store, partner.id(), refToMessageId, notice);
        String noticeId = inboundNoticeId(partner.id(), notice.noticeId());
        if (superseded != null && store.noticeExists(noticeId)) {
            // a partner that keeps the notice id across versions: each version its own record
            noticeId = inboundNoticeId(partner.id(), notice.noticeId() + "-v" + notice.version());
        }
        if (store.noticeExists(noticeId)) {
            // the same notice again under a new message id (or a long id that shortens to one already held): a
            // refusal the partner can act on (send an Update), never a database error
            throw refusal(RefusalCode.NOTICE_ID_IN_USE, "notice " + notice.noticeId() + " was already received from "
                    + partner.id() + " in another message; send an Update to change it");
        }
        String exchangeId = "X-" + UUID.randomUUID();
        NoticeRecord record = new NoticeRecord(noticeId, notice.nationalFileNumber(), notice.version(),
                notice.requestedAction().label(), notice.priority().name(), handlingCode,
                notice.legalBasis().instrument(), "partner:" + partner.id(), now, Digests.sha256(canonical), canonical,
                "NOT_REQUIRED", null, null, partner.id());
        ExchangeRecord exchange = new ExchangeRecord(exchangeId, noticeId, partner.id(), Direction.IN,
                ExchangeState.RECEIVED_INBOUND, messageId, conversationId, 1, null, null, null,
                now, now, now, now);
        List<AuditEvent> events = new java.util.ArrayList<>(List.of(
                AuditEvent.exchange(now, "partner:" + partner.id(), AuditAction.INBOUND_NOTICE_RECEIVED, noticeId, exchangeId,
                                messageId, partner.id())
                        .withDisclosure(notice.legalBasis().instrument(), handlingCode)
                        .withDigest(digest).withOutcome("RECEIVED_INBOUND", null)));
        if (superseded == null) {
            store.storeNotice(record, List.of(exchange), events, mark(partner, messageId, answer));
        } else {
            exchange = exchange.as(ca.passage.store.ExchangeKind.UPDATE, refToMessageId, null);
            events.add(AuditEvent.exchange(now, "partner:" + partner.id(), AuditAction.INBOUND_NOTICE_SUPERSEDED,
                    superseded, exchangeId, messageId, partner.id()).withOutcome("SUPERSEDED", null));
            if (!store.storeUpdate(record, superseded, List.of(exchange), List.of(), events,
                    mark(partner, messageId, answer))) {
                throw new InboundRefusal(RefusalCode.REFERENCE_CLOSED,
                        "notice " + notice.supersedes() + " is already superseded or withdrawn");
            }
        }
        LOG.info("inbound notice {} from {} handed to the domestic side", noticeId, partner.id());
        return new StoredNotice(noticeId, exchangeId, canonical);
    }

    /** A known partner, enabled and not suspended; otherwise refused. */
    public PartnerProfile acceptingPartner(String id) {
        return knownPartner(id);
    }

    byte[] signedReceipt(PartnerProfile partner, EnvelopeHeader received, String digest) {
        EnvelopeHeader h = new EnvelopeHeader(UUID.randomUUID() + "@passage.gc.ca", received.conversationId(),
                received.messageId(), EnvelopeHeader.GATEWAY_ID, partner.id(), received.service(),
                EnvelopeHeader.ACTION_RECEIPT, clock.instant(), received.handlingCode(), Receipt.FORMAT);
        TrustStore.PartnerSecurity security = trust.of(partner.id());
        return sealer.seal(Envelope.build(h, Receipt.payload(digest, Receipt.RECEIVED)), security.trust(), security.profile());
    }

    /**
     * The route's one answer to every refusal: an ebMS-style error signal, audited with the digest of what was
     * refused and the sender (the TLS-proven partner, else the known partner its header names), or counted when
     * there is none; nothing is stored or queued for it.
     */
    public InboundAnswer refuse(Exception refusal, byte[] raw) {
        return refuse(refusal, raw, null);
    }

    /**
     * {@code tlsPartner}: the partner the mutual-TLS client certificate proves (null over JMS), to whom a refusal is
     * attributed; a refusal that no partner can be held to is counted per window ({@link UnidentifiedRefusals}).
     */
    public InboundAnswer refuse(Exception refusal, byte[] raw, String tlsPartner) {
        InboundRefusal r;
        if (refusal instanceof InboundRefusal ir) {
            r = ir;
        } else if (refusal instanceof SecurityRefusal sr) {
            r = new InboundRefusal(sr.code(), sr.getMessage());
        } else {
            r = new InboundRefusal(RefusalCode.INVALID_HEADER, refusal.getMessage());
        }
        String digest = Digests.sha256(raw == null ? new byte[0] : raw);
        EnvelopeHeader claimed = claimedHeader(raw);
        String sender = claimed == null ? null : claimed.from();
        String messageId = claimed == null ? null : claimed.messageId();
        LOG.warn("inbound message refused: {} ({})", r.auditCode(), r.error().code());
        if (tlsPartner != null) {
            sender = tlsPartner;
        }
        boolean knownSender = sender != null && partners.find(sender).isPresent();
        if (knownSender) {
            ledger.append(AuditEvent.of(clock.instant(), "partner:" + sender, AuditAction.INBOUND_REFUSED)
                    .withPartner(sender).withDigest(digest).withOutcome("REFUSED", r.auditCode()));
        } else {
            unidentified.count(r.auditCode());
        }
        if (UNIDENTIFIED_SENDER.contains(r.code())) {
            return InboundAnswer.xml(403, new ErrorSignal(EbmsErrorCode.FAILED_AUTHENTICATION, messageId,
                    RefusalCode.SENDER_NOT_ACCEPTED.name() + ": the sender is not accepted").toXml());
        }
        int status = r.error() == EbmsErrorCode.FAILED_AUTHENTICATION || r.error() == EbmsErrorCode.POLICY_NONCOMPLIANCE
                ? 403 : 400;
        return InboundAnswer.xml(status, new ErrorSignal(r.error(), messageId, r.auditCode() + ": " + r.getMessage()).toXml());
    }

    /**
     * Refusals that would tell an unidentified sender whether a partner exists or what state it is in: answered with
     * one generic {@code SENDER_NOT_ACCEPTED}; the audit keeps which.
     */
    static final Set<RefusalCode> UNIDENTIFIED_SENDER = EnumSet.of(RefusalCode.UNKNOWN_PARTNER,
            RefusalCode.PARTNER_SUSPENDED, RefusalCode.CERT_EXPIRED, RefusalCode.CERT_NOT_YET_VALID,
            RefusalCode.CERT_REVOKED, RefusalCode.REVOCATION_UNKNOWN);

    /** The header a refused message claims, when it can be read at all. */
    private static EnvelopeHeader claimedHeader(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return null;
        }
        try {
            return Envelope.readHeader(SecureXml.parse(raw));
        } catch (SAXException | RuntimeException e) {
            return null;
        }
    }

    static String inboundNoticeId(String partnerId, String noticeId) {
        String id = "IN-" + partnerId + "-" + noticeId;
        return id.length() <= 64 ? id : id.substring(0, 64);
    }
}
