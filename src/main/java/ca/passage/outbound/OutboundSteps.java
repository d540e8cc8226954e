package ca.passage.outbound;

import ca.passage.as4.As4Exception;
import ca.passage.as4.As4Packet;
import ca.passage.as4.As4Signal;
import ca.passage.as4.SealedUserMessage;
import ca.passage.channel.DeliveryException;
import ca.passage.channel.as4.As4Delivery;
import ca.passage.channel.as4.As4PartnerChannel;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.OpenedMessage;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.MessageArchive;
import ca.passage.ledger.ExchangeRecord;
import ca.passage.ledger.ExchangeState;
import ca.passage.ledger.ExchangeStore;
import ca.passage.ledger.NoticeRecord;
import ca.passage.ledger.Transition;
import ca.passage.notice.NoticeParser;
import ca.passage.partner.DataCategory;
import ca.passage.partner.PartnerRegistry;
import ca.passage.translate.TranslatedPayload;
import ca.passage.translate.TranslatorRegistry;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The steps of the outbound route, one method each, in route order. Each is safe to repeat: the broker may
 * redeliver after a crash, and a repeated step either finds the exchange already past it or redoes it with the
 * same message id, which the partner de-duplicates.
 */
public final class OutboundSteps {

    private static final EnumSet<ExchangeState> SENDABLE =
            EnumSet.of(ExchangeState.RECEIVED, ExchangeState.QUEUED, ExchangeState.SENDING, ExchangeState.SENT,
                    ExchangeState.ACK_OVERDUE);

    private final ExchangeStore store;
    private final PartnerRegistry partners;
    private final NoticeParser notices;
    private final TranslatorRegistry translators;
    private final TrustStore trust;
    private final MessageSealer sealer;
    private final MessageOpener opener;
    private final PartnerHttpChannel channel;
    private final As4PartnerChannel as4;
    private final AuditLedger ledger;
    private final MessageArchive archive;
    private final Clock clock;

    public OutboundSteps(ExchangeStore store, PartnerRegistry partners, NoticeParser notices,
                         TranslatorRegistry translators, TrustStore trust, MessageSealer sealer, MessageOpener opener,
                         PartnerHttpChannel channel, As4PartnerChannel as4, AuditLedger ledger, MessageArchive archive,
                         Clock clock) {
        this.store = store;
        this.partners = partners;
        this.notices = notices;
        this.translators = translators;
        this.trust = trust;
        this.sealer = sealer;
        this.opener = opener;
        this.channel = channel;
        this.as4 = as4;
        this.ledger = ledger;
        this.archive = archive;
        this.clock = clock;
    }

    /** Step 1: claim the exchange for a delivery attempt; empty when there is nothing (left) to send. */
    public Optional<OutboundMessage> startAttempt(String exchangeId) {
        Optional<ExchangeRecord> found = store.findExchange(exchangeId);
        if (found.isEmpty() || !SENDABLE.contains(found.get().state())) {
            return Optional.empty();
        }
        ExchangeRecord e = found.get();
        boolean claimed = store.transition(Transition.of(e.exchangeId(), SENDABLE, ExchangeState.SENDING,
                audit(e, "DELIVERY_ATTEMPT", "STARTED", null)).countingAttempt());
        if (!claimed) {
            return Optional.empty();
        }
        NoticeRecord stored = store.findNotice(e.noticeId()).orElseThrow();
        return Optional.of(OutboundMessage.start(e, partners.get(e.partnerId()), notices.readStored(stored.content())));
    }

    /**
     * Step 2: the partner's format, after its sharing agreement. What the agreement removed or generalised is
     * audited as category codes (e.g. {@code REMOVED:VI,CD}), never as content.
     */
    public OutboundMessage translate(OutboundMessage m) {
        TranslatedPayload payload = translators.forFormat(m.partner().format()).toPartner(m.notice(), m.partner());
        if (!payload.removedCategories().isEmpty()) {
            String removed = payload.removedCategories().stream().map(DataCategory::code).sorted()
                    .collect(Collectors.joining(","));
            ledger.append(audit(m.exchange(), "POLICY_APPLIED", "FILTERED", "REMOVED:" + removed)
                    .withDisclosure(m.notice().legalBasis().instrument(), payload.handlingCode().name())
                    .withTime(clock.instant()));
        }
        return m.withPayload(payload);
    }

    /** Step 3: the envelope, with the exchange's stable message id. */
    public OutboundMessage wrap(OutboundMessage m) {
        EnvelopeHeader header = new EnvelopeHeader(m.exchange().messageId(), m.exchange().conversationId(), null,
                EnvelopeHeader.GATEWAY_ID, m.partner().id(), EnvelopeHeader.SERVICE_NOTICE,
                EnvelopeHeader.ACTION_NOTIFY, clock.instant(), m.payload().handlingCode().name(),
                m.payload().payloadFormat());
        return m.withEnvelope(Envelope.build(header, m.payload().xml()));
    }

    /**
     * Step 4: signed and encrypted for the partner; there is no other way out. An {@code as4} partner gets an ebMS
     * UserMessage (the partner-format payload as a compressed, encrypted attachment) with the exchange's message id.
     */
    public OutboundMessage seal(OutboundMessage m) {
        if (m.partner().channel().isAs4()) {
            SealedUserMessage s = as4.seal(m.partner(), m.exchange().messageId(), m.exchange().conversationId(),
                    m.payload().xml(), m.payload().payloadFormat(), clock.instant());
            return m.withSealed(s.packet().body(), Digests.sha256(s.packet().body())).withAs4(new As4Delivery(s, null));
        }
        TrustStore.PartnerSecurity security = trust.of(m.partner().id());
        byte[] sealed = sealer.seal(m.envelope(), security.trust(), security.profile());
        return m.withSealed(sealed, Digests.sha256(sealed));
    }

    /**
     * Step 5: on the wire, after the exact bytes are in the encrypted message archive (nothing leaves without its
     * copy). A failure is recorded and rethrown so the broker redelivers with back-off.
     */
    public OutboundMessage post(OutboundMessage m) {
        archive.store(MessageArchive.Direction.SENT, m.partner().id(), m.exchange().messageId(),
                m.exchange().exchangeId(), m.sealed());
        try {
            As4Packet as4Answer = m.as4() == null ? null : as4.post(m.partner(), m.as4().sealed());
            byte[] answer = as4Answer != null ? as4Answer.body() : channel.post(m.partner().channel().endpoint(), m.sealed());
            store.transition(new Transition(m.exchange().exchangeId(), EnumSet.of(ExchangeState.SENDING),
                    ExchangeState.SENT, false, null, m.sealedDigest(), null,
                    audit(m.exchange(), "MESSAGE_SENT", "OK", null)
                            .withDisclosure(m.notice().legalBasis().instrument(), m.payload().handlingCode().name())
                            .withDigest(m.sealedDigest())));
            return as4Answer == null ? m.withAnswer(answer) : m.withAnswer(answer).withAs4(m.as4().withAnswer(as4Answer));
        } catch (DeliveryException e) {
            attemptFailed(m.exchange(), EnumSet.of(ExchangeState.SENDING), e.getMessage());
            throw e;
        }
    }

    /**
     * Step 6: the partner's signed receipt, verified against its pinned certificate, closes the exchange. A partner
     * that answers without one (HTTP 202, empty body) sends it later to the inbound endpoint; until then the
     * exchange stays SENT and the acknowledgement monitor watches its timeout.
     */
    public ExchangeState acceptReceipt(OutboundMessage m) {
        TrustStore.PartnerSecurity security = trust.of(m.partner().id());
        ExchangeRecord e = m.exchange();
        if (m.answer() == null || m.answer().length == 0) {
            return ExchangeState.SENT;
        }
        archive.store(MessageArchive.Direction.RECEIVED, m.partner().id(), m.exchange().messageId(),
                e.exchangeId(), m.answer());
        if (m.as4() != null) {
            return acceptAs4Signal(m);
        }
        Receipt receipt;
        try {
            OpenedMessage opened = opener.open(m.answer(), security.trust(), security.profile());
            receipt = Receipt.read(opened.document());
        } catch (SecurityRefusal | EnvelopeException ex) {
            String reason = "invalid receipt: " + ex.getMessage();
            attemptFailed(e, EnumSet.of(ExchangeState.SENT), reason);
            throw new DeliveryException(reason);
        }
        if (!e.messageId().equals(receipt.header().refToMessageId())
                || !receipt.receivedDigest().equalsIgnoreCase(m.sealedDigest())) {
            String reason = "receipt does not match the message sent (RefToMessageId or digest differs)";
            attemptFailed(e, EnumSet.of(ExchangeState.SENT), reason);
            throw new DeliveryException(reason);
        }
        String receiptDigest = Digests.sha256(m.answer());
        boolean closed = store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT),
                ExchangeState.ACKNOWLEDGED, audit(e, "RECEIPT_ACCEPTED", "OK", null).withDigest(receiptDigest))
                .withReceiptDigest(receiptDigest));
        return closed ? ExchangeState.ACKNOWLEDGED : store.findExchange(e.exchangeId()).orElseThrow().state();
    }

    /**
     * The AS4 partner's synchronous signal: a signed receipt whose NonRepudiationInformation repeats our digests
     * closes the exchange; an ebMS error that retrying cannot heal rejects it with the ebMS code; any other error,
     * or a receipt that does not verify, is a failed attempt (retried with the same MessageId, FAILED past the limit).
     */
    private ExchangeState acceptAs4Signal(OutboundMessage m) {
        ExchangeRecord e = m.exchange();
        As4Signal signal;
        try {
            signal = as4.check(m.partner(), m.as4().answer(), m.as4().sealed());
        } catch (As4Exception ex) {
            String reason = "invalid AS4 receipt (" + ex.code().code() + "): " + ex.getMessage();
            attemptFailed(e, EnumSet.of(ExchangeState.SENT), reason);
            throw new DeliveryException(reason);
        }
        if (signal instanceof As4Signal.Error error) {
            String reason = "ebMS " + error.reportedCode() + " " + error.code().shortDescription() + ": " + error.description();
            if (error.code().retryable()) {
                attemptFailed(e, EnumSet.of(ExchangeState.SENT), reason);
                throw new DeliveryException(reason);
            }
            boolean rejected = store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT),
                    ExchangeState.REJECTED, audit(e, "PARTNER_REJECTED", "REJECTED", error.reportedCode())).withError(reason));
            return rejected ? ExchangeState.REJECTED : store.findExchange(e.exchangeId()).orElseThrow().state();
        }
        String receiptDigest = Digests.sha256(m.answer());
        boolean closed = store.transition(Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT),
                ExchangeState.ACKNOWLEDGED, audit(e, "RECEIPT_ACCEPTED", "OK", null).withDigest(receiptDigest))
                .withReceiptDigest(receiptDigest));
        return closed ? ExchangeState.ACKNOWLEDGED : store.findExchange(e.exchangeId()).orElseThrow().state();
    }

    /**
     * A failed attempt: back to QUEUED (the broker redelivers after the partner's back-off) with the reason kept
     * for operators, and the attempt audited.
     */
    private void attemptFailed(ExchangeRecord e, EnumSet<ExchangeState> from, String reason) {
        store.transition(Transition.of(e.exchangeId(), from, ExchangeState.QUEUED,
                audit(e, "DELIVERY_ATTEMPT", "FAILED", "DELIVERY_FAILURE")).withError(reason));
    }

    /** Dead letter: the broker gave up after the partner's retry limit. */
    public void markFailed(String exchangeId) {
        store.findExchange(exchangeId).ifPresent(e -> {
            String reason = "retry limit reached" + (e.lastError() == null ? "" : "; last error: " + e.lastError());
            EnumSet<ExchangeState> open = EnumSet.complementOf(EnumSet.copyOf(ExchangeState.FINAL));
            store.transition(Transition.of(exchangeId, open, ExchangeState.FAILED,
                    audit(e, "EXCHANGE_FAILED", "FAILED", "DELIVERY_FAILURE")).withError(reason));
        });
    }

    private static AuditEvent audit(ExchangeRecord e, String action, String outcome, String errorCode) {
        return AuditEvent.exchange(null, "system", action, e.noticeId(), e.exchangeId(), e.messageId(), e.partnerId())
                .withOutcome(outcome, errorCode);
    }

}
