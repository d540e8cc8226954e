package ca.passage.channel.as4;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import ca.passage.as4.As4Agreement;
import ca.passage.as4.As4Codec;
import ca.passage.as4.As4CryptoVariant;
import ca.passage.as4.As4Exception;
import ca.passage.as4.As4HttpClient;
import ca.passage.as4.As4Inbound;
import ca.passage.as4.As4Keys;
import ca.passage.as4.As4Packet;
import ca.passage.as4.As4Party;
import ca.passage.as4.As4Payload;
import ca.passage.as4.As4Signal;
import ca.passage.as4.As4UserMessage;
import ca.passage.as4.EbmsErrorCode;
import ca.passage.as4.SealedUserMessage;
import ca.passage.channel.DeliveryException;
import ca.passage.crypto.KeyFamily;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.PartnerTrust;
import ca.passage.crypto.Pem;
import ca.passage.partner.As4Settings;
import ca.passage.partner.PartnerProfile;

/**
 * The {@code as4} channel: a partner profile's {@link As4Settings} as agreements, our keyring and the partner's
 * pinned certificates as AS4 key material, and the three moves of a delivery (seal, post, check the answer). Used
 * by the outbound steps for every {@code as4} partner and, with the roles turned round, by the partner simulator.
 */
public final class As4PartnerChannel {
    /** Where an AS4 partner's messages to us arrive, on the partners' listener. */
    public static final String INBOUND_PATH = "/exchange/v1/as4";

    private final Keyring keyring;
    private final Function<String, PartnerTrust> trust;
    private final List<X509Certificate> anchors;
    private final As4Codec codec;
    private final As4HttpClient http;
    private final boolean weAreInitiatorOutbound;
    private final Map<String, As4Keys> keys = new ConcurrentHashMap<>();

    /**
     * @param keyring  our private keys
     * @param trust    the other side's pinned certificates, by partner id
     * @param anchors  certificates their chains end in (the CA)
     * @param simulatedPartner true when this is the partner simulator speaking for the partner
     */
    public As4PartnerChannel(Keyring keyring, Function<String, PartnerTrust> trust, List<X509Certificate> anchors,
                             As4Codec codec, As4HttpClient http, boolean simulatedPartner) {
        this.keyring = keyring;
        this.trust = trust;
        this.anchors = List.copyOf(anchors);
        this.codec = codec;
        this.http = http;
        this.weAreInitiatorOutbound = !simulatedPartner;
    }

    /** The CA certificate of a key directory, when it has one. */
    public static List<X509Certificate> anchorsIn(Path keysDir) {
        Path ca = keysDir.resolve("ca.cert.pem");
        return Files.exists(ca) ? List.of(Pem.readCertificate(ca)) : List.of();
    }

    public As4Codec codec() {
        return codec;
    }

    public static As4CryptoVariant variant(PartnerProfile partner) {
        return As4CryptoVariant.fromProfileName(settings(partner).cryptoVariant());
    }

    private static As4Settings settings(PartnerProfile partner) {
        As4Settings s = partner.channel().as4();
        if (s == null) {
            throw new IllegalArgumentException("partner " + partner.id() + " has no as4 channel");
        }
        return s;
    }

    /** The agreement for messages from Canada to the partner. */
    public static As4Agreement toPartner(PartnerProfile partner) {
        As4Settings s = settings(partner);
        return new As4Agreement(s.pmodeId(), new As4Party(s.ourPartyId(), s.partyIdType(), s.initiatorRole()),
                new As4Party(s.partnerPartyId(), s.partyIdType(), s.responderRole()), s.service(), s.serviceType(),
                s.action(), s.agreementRef(), variant(partner));
    }

    /** The agreement for messages from the partner to Canada. */
    public static As4Agreement fromPartner(PartnerProfile partner) {
        As4Settings s = settings(partner);
        return new As4Agreement(s.pmodeId(), new As4Party(s.partnerPartyId(), s.partyIdType(), s.initiatorRole()),
                new As4Party(s.ourPartyId(), s.partyIdType(), s.responderRole()), s.service(), s.serviceType(),
                s.action(), s.agreementRef(), variant(partner));
    }

    /** The agreement under which this side sends. */
    public As4Agreement sending(PartnerProfile partner) {
        return weAreInitiatorOutbound ? toPartner(partner) : fromPartner(partner);
    }

    /** The agreement under which this side receives. */
    public As4Agreement receiving(PartnerProfile partner) {
        return weAreInitiatorOutbound ? fromPartner(partner) : toPartner(partner);
    }

    /** Our keys and the partner's certificates for one partner (loaded once). */
    public As4Keys keys(PartnerProfile partner) {
        return keys.computeIfAbsent(partner.id(), id -> {
            KeyFamily family = variant(partner) == As4CryptoVariant.AS4_1_RSA ? KeyFamily.RSA : KeyFamily.ED;
            Keyring.KeyEntry signing = keyring.signingKey(family);
            String decryptAlgorithm = family == KeyFamily.RSA ? "RSA" : "X25519";
            Keyring.KeyEntry decryption = keyring.decryptionKeys().stream()
                    .filter(k -> k.certificate().getPublicKey().getAlgorithm().equals(decryptAlgorithm)
                            || family == KeyFamily.ED && k.certificate().getPublicKey().getAlgorithm().equals("XDH"))
                    .min(Comparator.comparingInt(Keyring.KeyEntry::generation))
                    .orElseThrow(() -> new IllegalStateException("no " + decryptAlgorithm + " decryption key for AS4 partner " + id));
            PartnerTrust other = trust.apply(id);
            return new As4Keys(signing.privateKey(), List.of(signing.certificate()), decryption.privateKey(),
                    List.of(decryption.certificate()), other.signingCert(), other.encryptionCert(), anchors);
        });
    }

    /** A UserMessage carrying one partner-format XML payload; the MessageId is the exchange's, stable over retries. */
    public SealedUserMessage seal(PartnerProfile partner, String messageId, String conversationId, byte[] payload,
                                  String payloadFormat, String handlingCode, java.time.Instant timestamp) {
        return seal(partner, messageId, null, conversationId, payload, payloadFormat, handlingCode, timestamp);
    }

    /**
     * The same, referring to an earlier message ({@code MessageInfo/RefToMessageId}): an updated notice names the
     * message that carried the version it supersedes. {@code refToMessageId} may be null.
     */
    public SealedUserMessage seal(PartnerProfile partner, String messageId, String refToMessageId, String conversationId,
                                  byte[] payload, String payloadFormat, String handlingCode, java.time.Instant timestamp) {
        As4Agreement agreement = sending(partner);
        As4UserMessage message = As4UserMessage.of(agreement, messageId, timestamp, refToMessageId, conversationId,
                Map.of("originalSender", agreement.initiator().id(), "finalRecipient", agreement.responder().id(),
                        "handlingCode", handlingCode),
                List.of(new As4Payload("payload@passage", "application/xml", payload,
                        Map.of("PayloadFormat", payloadFormat))));
        return codec.seal(message, keys(partner), agreement.cryptoVariant());
    }

    /** Posts to {@code endpoint}; an unreachable partner or an answer that is no ebMS signal is a delivery failure. */
    public As4Packet post(URI endpoint, SealedUserMessage sealed) {
        try {
            return http.post(endpoint, sealed.packet());
        } catch (IOException e) {
            throw new DeliveryException("AS4 partner at " + endpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("delivery interrupted");
        }
    }

    /** Posts; an unreachable partner or an answer that is no ebMS signal is a delivery failure (retried). */
    public As4Packet post(PartnerProfile partner, SealedUserMessage sealed) {
        try {
            return http.post(partner.channel().endpoint(), sealed.packet());
        } catch (IOException e) {
            throw new DeliveryException("AS4 partner at " + partner.channel().endpoint() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("delivery interrupted");
        }
    }

    /** The partner's answer: a verified receipt matching our digests, or its ebMS error. */
    public As4Signal check(PartnerProfile partner, As4Packet answer, SealedUserMessage sealed) {
        return codec.readSignal(answer, sealed, keys(partner), variant(partner));
    }

    /** Resolves the claimed sender of an incoming UserMessage among the as4 partners. */
    public Function<As4UserMessage, As4Inbound> senders(List<PartnerProfile> as4Partners) {
        return header -> as4Partners.stream()
                .filter(p -> receiving(p).initiator().id().equals(header.from().id()))
                .findFirst()
                .map(p -> new As4Inbound(receiving(p), keys(p)))
                .orElseThrow(() -> new As4Exception(EbmsErrorCode.PROCESSING_MODE_MISMATCH,
                        "no AS4 agreement with party " + header.from().id()));
    }

    /** The partner an incoming message claims to come from. */
    public PartnerProfile senderOf(List<PartnerProfile> as4Partners, As4UserMessage header) {
        return as4Partners.stream().filter(p -> receiving(p).initiator().id().equals(header.from().id())).findFirst()
                .orElseThrow();
    }

    public URI endpoint(PartnerProfile partner) {
        return partner.channel().endpoint();
    }
}
