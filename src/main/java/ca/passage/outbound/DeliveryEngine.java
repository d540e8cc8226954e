package ca.passage.outbound;

import ca.passage.as4.As4Exception;
import ca.passage.as4.As4Packet;
import ca.passage.as4.As4Signal;
import ca.passage.as4.SealedUserMessage;
import ca.passage.ledger.AuditAction;
import ca.passage.channel.DeliveryException;
import ca.passage.channel.as4.As4Delivery;
import ca.passage.channel.as4.As4PartnerChannel;
import ca.passage.channel.PartnerHttpChannel;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.crypto.TrustStore;
import ca.passage.envelope.Digests;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.outbound.OutboundMessage.NoticeExchange;
import ca.passage.outbound.OutboundMessage.Response;
import ca.passage.store.DomesticResponseRecord;
import ca.passage.store.DomesticResponseStore;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.Jdbc;
import ca.passage.store.MessageArchive;
import ca.passage.store.Transition;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * The one way a message leaves for a partner, whatever it carries: seal → archive → post → verify the partner's
 * receipt (read with the policy's size limit, archived once verified). The outbound route calls one method per step for notices and domestic responses alike. A failed step
 * is recorded and rethrown: the broker's redelivery with the partner's back-off is the only retry layer, and its
 * dead-letter queue the only "gave up". The partner's channel decides the wire format: our signed envelope over
 * HTTP, or for an {@code as4} partner's notices an eDelivery AS4 UserMessage and its signed receipt.
 */
public final class DeliveryEngine {

    private final ExchangeStore exchanges;
    private final DomesticResponseStore responses;
    private final TrustStore trust;
    private final MessageSealer sealer;
    private final MessageOpener opener;
    private final PartnerHttpChannel channel;
    private final As4PartnerChannel as4;
    private final MessageArchive archive;
    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final Clock clock;

    /** @param dataSource the store's, where {@code archive} and {@code ledger} write */
    public DeliveryEngine(ExchangeStore exchanges, DomesticResponseStore responses, TrustStore trust,
                          MessageSealer sealer, MessageOpener opener, PartnerHttpChannel channel,
                          As4PartnerChannel as4, MessageArchive archive, DataSource dataSource, AuditLedger ledger,
                          Clock clock) {
        this.exchanges = exchanges;
        this.responses = responses;
        this.trust = trust;
        this.sealer = sealer;
        this.opener = opener;
        this.channel = channel;
        this.as4 = as4;
        this.archive = archive;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Signed and encrypted for the partner; there is no other way out. A notice for an {@code as4} partner becomes an
     * ebMS UserMessage (the partner-format payload a compressed, encrypted attachment) with the exchange's message id,
     * so a retry is the same message to the partner's duplicate detection.
     */
    public OutboundMessage seal(OutboundMessage m) {
        if (usesAs4(m)) {
            SealedUserMessage s = as4.seal(m.partner(), m.exchange().messageId(), m.exchange().refMessageId(),
                    m.exchange().conversationId(), m.payload().xml(), m.payload().payloadFormat(),
                    m.payload().handlingCode().name(), clock.instant());
            return m.withSealed(s.packet().body(), Digests.sha256(s.packet().body())).withAs4(new As4Delivery(s, null));
        }
        TrustStore.PartnerSecurity security = trust.of(m.partner().id());
        byte[] sealed = sealer.seal(m.envelope(), security.trust(), security.profile());
        return m.withSealed(sealed, Digests.sha256(sealed));
    }

    /**
     * On the wire, after the exact bytes are in the encrypted message archive (nothing leaves without its copy), in
     * one transaction with the audit events of what the sharing policy did to the message. A failure is recorded and
     * rethrown so the broker redelivers with back-off. That the message went out (SENT) is recorded by
     * {@link #acceptReceipt}, in the one transaction that also records what the partner answered.
     */
    public OutboundMessage post(OutboundMessage m) {
        archiveSent(m);
        byte[] answer;
        As4Packet as4Answer = null;
        try {
            if (m.as4() != null) {
                as4Answer = as4.post(m.partner(), m.as4().sealed());
                answer = as4Answer.body();
            } else {
                answer = channel.post(m.partner().channel().endpoint(), m.sealed());
            }
        } catch (DeliveryException e) {
            attemptFailed(m, e.getMessage(), false);
            throw e;
        }
        return as4Answer == null ? m.withAnswer(answer) : m.withAnswer(answer).withAs4(m.as4().withAnswer(as4Answer));
    }

    /**
     * The partner's signed receipt, verified against its pinned certificate, for exactly the bytes sent, closes the
     * delivery: SENT and ACKNOWLEDGED are written in one transaction (one commit and one wait for the audit chain
     * head, not two), as are SENT and the failed attempt when the answer is refused. A partner that answers a notice
     * without a receipt (HTTP 202, empty body) sends it later to the inbound endpoint; until then the exchange stays
     * SENT and the acknowledgement monitor watches its timeout. A domestic response needs its receipt in the answer.
     */
    public void acceptReceipt(OutboundMessage m) {
        if (m.answer() == null || m.answer().length == 0) {
            if (m.subject() instanceof Response) {
                failAttempt(m, "the partner answered without a receipt");
            }
            close(m, null);
            return;
        }
        if (m.as4() != null) {
            acceptAs4Signal(m);
            return;
        }
        Receipt receipt;
        try {
            TrustStore.PartnerSecurity security = trust.of(m.partner().id());
            receipt = Receipt.read(opener.open(m.answer(), security.trust(), security.profile()).document());
        } catch (SecurityRefusal | EnvelopeException ex) {
            failAttempt(m, "invalid receipt: " + ex.getMessage());
            return;
        }
        if (!m.subject().messageId().equals(receipt.header().refToMessageId())
                || !receipt.receivedDigest().equalsIgnoreCase(m.sealedDigest())) {
            failAttempt(m, "receipt does not match the message sent (RefToMessageId or digest differs)");
        }
        if (!Receipt.RECEIVED.equals(receipt.status())) {
            failAttempt(m, "the partner's receipt does not acknowledge the message (RECEIPT_NOT_SUCCESS)");
        }
        archiveVerifiedAnswer(m);
        String receiptDigest = Digests.sha256(m.answer());
        if (m.subject() instanceof NoticeExchange n) {
            close(m, Transition.of(n.exchange().exchangeId(), EnumSet.of(ExchangeState.SENT),
                    ExchangeState.ACKNOWLEDGED, OutboundSteps.audit(n.exchange(), AuditAction.RECEIPT_ACCEPTED, "OK", null)
                            .withDigest(receiptDigest)).withReceiptDigest(receiptDigest));
        } else if (m.subject() instanceof Response r) {
            DomesticResponseRecord response = r.response();
            responses.markSent(response.responseId(), receiptDigest, DomesticResponses.audit(response, "system",
                    AuditAction.DOMESTIC_RESPONSE_SENT, response.status(), response.errorCode()).withDigest(m.sealedDigest()));
        }
    }

    /**
     * The AS4 partner's synchronous signal: a signed receipt whose NonRepudiationInformation repeats our digests
     * closes the exchange; an ebMS error that retrying cannot heal rejects it with the ebMS code; any other error,
     * or a receipt that does not verify, is a failed attempt (retried with the same MessageId, FAILED past the limit).
     */
    private void acceptAs4Signal(OutboundMessage m) {
        ExchangeRecord e = m.exchange();
        As4Signal signal;
        try {
            signal = as4.check(m.partner(), m.as4().answer(), m.as4().sealed());
        } catch (As4Exception ex) {
            failAttempt(m, "invalid AS4 receipt (" + ex.code().code() + "): " + ex.getMessage());
            return;
        }
        archiveVerifiedAnswer(m);
        if (signal instanceof As4Signal.Error error) {
            String reason = "ebMS " + error.reportedCode() + " " + error.code().shortDescription() + ": " + error.description();
            if (error.code().retryable()) {
                failAttempt(m, reason);
            }
            close(m, Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT), ExchangeState.REJECTED,
                    OutboundSteps.audit(e, AuditAction.PARTNER_REJECTED, "REJECTED", error.reportedCode())).withError(reason));
            return;
        }
        String receiptDigest = Digests.sha256(m.answer());
        close(m, Transition.of(e.exchangeId(), EnumSet.of(ExchangeState.SENT), ExchangeState.ACKNOWLEDGED,
                OutboundSteps.audit(e, AuditAction.RECEIPT_ACCEPTED, "OK", null).withDigest(receiptDigest))
                .withReceiptDigest(receiptDigest));
    }

    /**
     * The sealed bytes in the message archive, with the sharing policy's audit events of this message, in one
     * transaction: the archive row first, the audit chain head last, the order every writer takes them in.
     */
    private void archiveSent(OutboundMessage m) {
        Jdbc.inTransaction(dataSource, "archiving the message sent", c -> {
            archive.store(c, MessageArchive.Direction.SENT, m.partner().id(), m.subject().messageId(), archiveRef(m),
                    m.sealed());
            for (AuditEvent event : m.policyAudit()) {
                ledger.append(c, event);
            }
            return null;
        });
    }

    /**
     * Only an answer that verified (signed by the partner's pinned certificate, for this message) goes to the archive,
     * as on the inbound side; one that did not is kept as its reason in the failed attempt, not as evidence.
     */
    private void archiveVerifiedAnswer(OutboundMessage m) {
        archive.store(MessageArchive.Direction.RECEIVED, m.partner().id(), m.subject().messageId(), archiveRef(m),
                m.answer());
    }

    /**
     * A notice exchange's message went out: SENDING → SENT, then {@code outcome} (what the answer decided, none when
     * the receipt comes later), in one transaction. A domestic response's record changes only with its receipt.
     */
    private void close(OutboundMessage m, Transition outcome) {
        if (m.subject() instanceof NoticeExchange n) {
            ExchangeRecord e = n.exchange();
            AuditEvent sent = OutboundSteps.audit(e, AuditAction.MESSAGE_SENT, "OK", null).withDigest(m.sealedDigest());
            // a lifecycle request carries no notice content: nothing is disclosed by it
            Transition toSent = new Transition(e.exchangeId(), EnumSet.of(ExchangeState.SENDING), ExchangeState.SENT,
                    false, null, m.sealedDigest(), null, m.payload() == null ? sent
                    : sent.withDisclosure(m.payload().disclosureBasis(), m.payload().handlingCode().name()));
            exchanges.transitionAll(outcome == null ? List.of(toSent) : List.of(toSent, outcome));
        }
    }

    /**
     * Notices (and their updates) to an {@code as4} partner travel as AS4; domestic responses and lifecycle requests
     * still as our envelope over the same mutual-TLS endpoint (see docs/as4.md, docs/lifecycle.md).
     */
    private static boolean usesAs4(OutboundMessage m) {
        return m.partner().channel().isAs4() && m.carriesNotice();
    }

    /** The partner's answer is refused: the message went out, the attempt failed. */
    private void failAttempt(OutboundMessage m, String reason) {
        attemptFailed(m, reason, true);
        throw new DeliveryException(reason);
    }

    /**
     * A failed attempt: a notice's exchange goes back to QUEUED (the broker redelivers after the partner's back-off)
     * with the reason kept for operators and the attempt audited, after SENT in the same transaction when the message
     * went out; a response keeps its reason and attempt count.
     */
    private void attemptFailed(OutboundMessage m, String reason, boolean sent) {
        if (m.subject() instanceof NoticeExchange n) {
            Transition queued = Transition.of(n.exchange().exchangeId(),
                    EnumSet.of(ExchangeState.SENDING, ExchangeState.SENT), ExchangeState.QUEUED,
                    OutboundSteps.audit(n.exchange(), AuditAction.DELIVERY_ATTEMPT, "FAILED", "DELIVERY_FAILURE")).withError(reason);
            if (sent) {
                close(m, queued);
            } else {
                exchanges.transition(queued);
            }
        } else if (m.subject() instanceof Response r) {
            responses.recordAttemptFailed(r.response().responseId(), reason);
        }
    }

    /** The archive row's exchange reference: the notice's exchange, or the inbound exchange a response answers. */
    private static String archiveRef(OutboundMessage m) {
        return m.subject() instanceof Response r ? r.response().inboundExchangeId() : m.exchange().exchangeId();
    }
}
