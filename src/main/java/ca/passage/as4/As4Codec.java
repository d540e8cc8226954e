package ca.passage.as4;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.crypto.SecretKey;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import ca.passage.xml.SecureXml;

/**
 * Seals and opens AS4 messages: a UserMessage with compressed payloads as MIME attachments, signed (ebMS header,
 * body, attachments) then encrypted (attachments) with WSS4J; the signed Receipt whose NonRepudiationInformation
 * repeats the UserMessage's signature references; the ebMS Error signal. Stateless and thread-safe.
 */
public final class As4Codec {
    static {
        WSSConfig.init();
    }

    private static final String CONTENT = "Content";

    /**
     * Computes the Ed25519 signatures of AS4 2.0 (signing and verifying): JDK 17's Ed25519 is written for
     * portability, and in the delivery benchmark's profile its point arithmetic was the largest single cost of an
     * AS4 2.0 exchange; Bouncy Castle (a dependency already, for the PKI) is several times faster. Handed to WSS4J per
     * signature, never registered with {@link java.security.Security}, as ca.passage.crypto does for our envelope.
     * RSA (AS4 1.x) stays with the JDK, which is not slower. Stateless; one instance serves every thread.
     */
    private static final Provider ED25519_PROVIDER = new BouncyCastleProvider();

    /**
     * WSS4J 3 / Santuario 4 share some state between building an encrypted key by key agreement (X25519, AS4 2.0)
     * and processing one: with a seal and an open running at once anywhere in the JVM (four delivery consumers, the
     * inbound endpoint), about one open in three hundred failed with the JDK's "Unsupported key type" (the
     * agreement handed a public key that was not the message's X25519 key; As4CodecConcurrencyTest reproduces it in
     * seconds, sealing alone or opening alone on several threads does not; the crash test also saw it in a partner
     * that only opened messages and signed receipts). Until the shared state is found, every WS-Security step of
     * AS4 2.0 (signing, encrypting, processing) takes turns JVM-wide. The lock guards no data of ours, only those
     * library calls.
     */
    private static final Object KEY_AGREEMENT_TURNS = new Object();
    private final Clock clock;
    private final long maxPayloadBytes;

    /**
     * @param maxPayloadBytes the largest payload accepted after decompression (a guard against compression bombs)
     */
    public As4Codec(Clock clock, long maxPayloadBytes) {
        this.clock = clock;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    // ---------------------------------------------------------------- UserMessage, sending side

    /** Compresses, signs and encrypts {@code message} for the partner whose certificates {@code keys} holds. */
    public SealedUserMessage seal(As4UserMessage message, As4Keys keys, As4CryptoVariant variant) {
        String messagingId = "_ebms-" + UUID.randomUUID();
        Document doc = Ebms.envelope(messagingId);
        Map<String, String> mime = new LinkedHashMap<>();
        List<WireAttachment> wire = new ArrayList<>();
        for (As4Payload p : message.payloads()) {
            mime.put(p.contentId(), p.mimeType());
            wire.add(new WireAttachment(p.contentId(), Ebms.GZIP, gzip(p.content())));
        }
        Ebms.writeUserMessage(doc, message, mime, true);
        AttachmentCallbacks attachments = new AttachmentCallbacks(wire);
        try {
            WSSecHeader header = new WSSecHeader(doc);
            header.insertSecurityHeader();
            sign(header, keys, variant, messagingId, wire.isEmpty() ? null : attachments);
            if (!wire.isEmpty()) {
                encryptAttachments(header, keys, variant, attachments);
            }
        } catch (WSSecurityException e) {
            throw new As4Exception(EbmsErrorCode.OTHER, "cannot sign or encrypt the message: " + e.getMessage(),
                    message.messageId(), e);
        }
        List<As4Reference> refs = references(signature(doc));
        As4Packet packet = As4Mime.pack(SecureXml.toBytes(doc), attachments.current());
        return new SealedUserMessage(message.messageId(), packet, refs);
    }

    private static void sign(WSSecHeader header, As4Keys keys, As4CryptoVariant variant, String messagingId,
                             AttachmentCallbacks attachments) throws WSSecurityException {
        WSSecSignature signature = new WSSecSignature(header);
        signature.setSignatureProvider(signatureProvider(variant));
        signature.setUserInfo(As4Keys.SIGN_ALIAS, new String(keys.password()));
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setUseSingleCertificate(true);
        signature.setSignatureAlgorithm(variant.signatureAlgorithm());
        signature.setDigestAlgo(As4CryptoVariant.DIGEST_SHA256);
        signature.setSigCanonicalization(As4CryptoVariant.EXCLUSIVE_C14N);
        signature.getParts().add(new WSEncryptionPart(messagingId, CONTENT));
        signature.getParts().add(new WSEncryptionPart("Body", Ebms.SOAP12, CONTENT));
        if (attachments != null) {
            signature.getParts().add(new WSEncryptionPart("cid:Attachments", CONTENT));
            signature.setAttachmentCallbackHandler(attachments);
        }
        if (variant.keyAgreement() == null) {
            signature.build(keys.crypto());
        } else {
            synchronized (KEY_AGREEMENT_TURNS) { // a receipt is signed while other threads open: see the lock
                signature.build(keys.crypto());
            }
        }
    }

    private static void encryptAttachments(WSSecHeader header, As4Keys keys, As4CryptoVariant variant,
                                           AttachmentCallbacks attachments) throws WSSecurityException {
        WSSecEncrypt encrypt = new WSSecEncrypt(header);
        encrypt.setKeyIdentifierType(WSConstants.ISSUER_SERIAL);
        encrypt.setSymmetricEncAlgorithm(As4CryptoVariant.AES128_GCM);
        encrypt.setKeyEncAlgo(variant.keyEncryption());
        if (variant.keyAgreement() == null) {
            encrypt.setDigestAlgorithm(As4CryptoVariant.DIGEST_SHA256);
            encrypt.setMGFAlgorithm(As4CryptoVariant.MGF1_SHA256);
        } else {
            encrypt.setKeyAgreementMethod(variant.keyAgreement());
            encrypt.setKeyDerivationMethod(As4CryptoVariant.HKDF);
        }
        encrypt.setUseThisCert(keys.partnerEncryptionCertificate());
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", CONTENT));
        encrypt.setAttachmentCallbackHandler(attachments);
        SecretKey sessionKey = KeyUtils.getKeyGenerator(As4CryptoVariant.AES128_GCM).generateKey();
        if (variant.keyAgreement() == null) {
            encrypt.build(keys.crypto(), sessionKey);
        } else {
            synchronized (KEY_AGREEMENT_TURNS) {
                encrypt.build(keys.crypto(), sessionKey);
            }
        }
        if (!attachments.allReplaced()) {
            throw new IllegalStateException("WSS4J left an attachment unencrypted");
        }
    }

    // ---------------------------------------------------------------- UserMessage, receiving side

    /** Reads the ebMS header of a posted message without checking anything, to find out who claims to send it. */
    public As4UserMessage peek(As4Packet packet) {
        As4Mime.Unpacked unpacked = As4Mime.unpack(packet.contentType(), packet.body());
        return Ebms.readUserMessage(parse(unpacked.soap())).message();
    }

    /**
     * Decrypts, verifies and decompresses a posted UserMessage. {@code sender} names the agreement and keys for
     * the claimed sender (or throws {@link As4Exception} with {@code PROCESSING_MODE_MISMATCH}).
     */
    public ReceivedUserMessage open(As4Packet packet, Function<As4UserMessage, As4Inbound> sender) {
        As4Mime.Unpacked unpacked = As4Mime.unpack(packet.contentType(), packet.body());
        Document doc = parse(unpacked.soap());
        Ebms.UserMessageHeader header = Ebms.readUserMessage(doc);
        String messageId = header.message().messageId();
        try {
            As4Inbound inbound = sender.apply(header.message());
            if (!header.message().matches(inbound.agreement())) {
                throw new As4Exception(EbmsErrorCode.PROCESSING_MODE_MISMATCH,
                        "parties, roles, service, action or agreement do not match the agreement with the sender");
            }
            AttachmentCallbacks attachments = new AttachmentCallbacks(unpacked.attachments());
            Verified verified = verify(doc, inbound.keys(), inbound.agreement().cryptoVariant(), attachments);
            Set<String> attachmentIds = new HashSet<>();
            unpacked.attachments().forEach(a -> attachmentIds.add(a.contentId()));
            if (!verified.signedAttachments().equals(attachmentIds)) {
                throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "not every attachment is signed");
            }
            if (!attachments.allReplaced()) {
                throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "not every attachment is encrypted");
            }
            if (!attachmentIds.equals(header.partProperties().keySet())) {
                throw new As4Exception(EbmsErrorCode.MIME_INCONSISTENCY,
                        "the attachments do not match the PayloadInfo of the ebMS header");
            }
            List<As4Payload> payloads = new ArrayList<>();
            for (WireAttachment a : attachments.current()) {
                Map<String, String> props = new LinkedHashMap<>(header.partProperties().get(a.contentId()));
                String mimeType = props.remove(Ebms.MIME_TYPE);
                String compression = props.remove(Ebms.COMPRESSION_TYPE);
                byte[] content;
                if (compression == null) {
                    content = a.bytes();
                } else if (Ebms.GZIP.equals(compression)) {
                    content = gunzip(a.bytes(), maxPayloadBytes);
                } else {
                    throw new As4Exception(EbmsErrorCode.DECOMPRESSION_FAILURE, "unsupported CompressionType " + compression);
                }
                payloads.add(new As4Payload(a.contentId(), mimeType == null ? a.contentType() : mimeType, content, props));
            }
            As4UserMessage m = header.message();
            As4UserMessage full = new As4UserMessage(m.messageId(), m.timestamp(), m.refToMessageId(), m.conversationId(),
                    m.from(), m.to(), m.service(), m.serviceType(), m.action(), m.agreementRef(), m.pmodeId(),
                    m.messageProperties(), payloads);
            return new ReceivedUserMessage(full, verified.references(), verified.signer());
        } catch (As4Exception e) {
            throw e.withRef(messageId);
        }
    }

    // ---------------------------------------------------------------- signals

    /** Our signed receipt for {@code received}, its NonRepudiationInformation repeating the sender's references. */
    public As4Packet receipt(ReceivedUserMessage received, As4Keys keys, As4CryptoVariant variant) {
        String messagingId = "_ebms-" + UUID.randomUUID();
        Document doc = Ebms.envelope(messagingId);
        Element signal = Ebms.child(Ebms.messaging(doc), Ebms.EBMS, "eb:SignalMessage");
        Ebms.messageInfo(signal, newMessageId(), clock.instant(), received.message().messageId());
        Element receipt = Ebms.child(signal, Ebms.EBMS, "eb:Receipt");
        Element nri = Ebms.child(receipt, Ebms.EBBP, "ebbp:NonRepudiationInformation");
        // declared in the DOM, not left to the serialiser, so the signature's canonical form is what travels
        nri.setAttributeNS(Ebms.XMLNS, "xmlns:ebbp", Ebms.EBBP);
        nri.setAttributeNS(Ebms.XMLNS, "xmlns:ds", Ebms.DSIG);
        for (As4Reference r : received.signedReferences()) {
            Element part = Ebms.child(nri, Ebms.EBBP, "ebbp:MessagePartNRInformation");
            Element ref = Ebms.child(part, Ebms.DSIG, "ds:Reference");
            ref.setAttribute("URI", r.uri());
            if (!r.transforms().isEmpty()) {
                Element transforms = Ebms.child(ref, Ebms.DSIG, "ds:Transforms");
                r.transforms().forEach(t -> Ebms.child(transforms, Ebms.DSIG, "ds:Transform").setAttribute("Algorithm", t));
            }
            Ebms.child(ref, Ebms.DSIG, "ds:DigestMethod").setAttribute("Algorithm", r.digestAlgorithm());
            Ebms.child(ref, Ebms.DSIG, "ds:DigestValue").setTextContent(r.digestValue());
        }
        try {
            WSSecHeader header = new WSSecHeader(doc);
            header.insertSecurityHeader();
            sign(header, keys, variant, messagingId, null);
        } catch (WSSecurityException e) {
            throw new As4Exception(EbmsErrorCode.OTHER, "cannot sign the receipt: " + e.getMessage(),
                    received.message().messageId(), e);
        }
        return As4Mime.pack(SecureXml.toBytes(doc), List.of());
    }

    /** An (unsigned) ebMS Error signal answering a message we refused. */
    public As4Packet error(As4Exception refusal) {
        Document doc = Ebms.envelope("_ebms-" + UUID.randomUUID());
        Element signal = Ebms.child(Ebms.messaging(doc), Ebms.EBMS, "eb:SignalMessage");
        Ebms.messageInfo(signal, newMessageId(), clock.instant(), refusal.refToMessageId());
        Element error = Ebms.child(signal, Ebms.EBMS, "eb:Error");
        EbmsErrorCode code = refusal.code();
        error.setAttribute("category", code.category());
        error.setAttribute("errorCode", code.code());
        error.setAttribute("origin", code == EbmsErrorCode.FAILED_AUTHENTICATION || code == EbmsErrorCode.FAILED_DECRYPTION
                || code == EbmsErrorCode.POLICY_NONCOMPLIANCE ? "security" : "ebMS");
        if (refusal.refToMessageId() != null) {
            error.setAttribute("refToMessageInError", refusal.refToMessageId());
        }
        error.setAttribute("severity", "failure");
        error.setAttribute("shortDescription", code.shortDescription());
        Element description = Ebms.text(error, "eb:Description", refusal.getMessage());
        description.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en");
        return As4Mime.pack(SecureXml.toBytes(doc), List.of());
    }

    /**
     * The partner's answer to {@code sent}: a receipt, signed with the partner's pinned certificate, whose
     * NonRepudiationInformation repeats every reference we signed with the same digest; or an ebMS error.
     *
     * @throws As4Exception {@code INVALID_RECEIPT} when the answer is neither, or does not verify
     */
    public As4Signal readSignal(As4Packet response, SealedUserMessage sent, As4Keys keys, As4CryptoVariant variant) {
        Document doc;
        try {
            doc = parse(As4Mime.unpack(response.contentType(), response.body()).soap());
        } catch (As4Exception e) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "unreadable answer: " + e.getMessage(), sent.messageId(), e);
        }
        Element signal = Ebms.first(Ebms.messaging(doc), Ebms.EBMS, "SignalMessage");
        if (signal == null) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "the answer carries no SignalMessage", sent.messageId(), null);
        }
        Element error = Ebms.first(signal, Ebms.EBMS, "Error");
        if (error != null) {
            Element description = Ebms.first(error, Ebms.EBMS, "Description");
            String reported = error.getAttribute("errorCode");
            return new As4Signal.Error(Ebms.emptyToNull(error.getAttribute("refToMessageInError")),
                    EbmsErrorCode.fromCode(reported), reported, error.getAttribute("severity"),
                    description == null ? error.getAttribute("shortDescription") : description.getTextContent().trim());
        }
        Element info = Ebms.required(signal, "MessageInfo");
        String refTo = Ebms.optionalText(info, "RefToMessageId");
        if (!sent.messageId().equals(refTo)) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "the receipt refers to message " + refTo, sent.messageId(), null);
        }
        Element receipt = Ebms.first(signal, Ebms.EBMS, "Receipt");
        if (receipt == null) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "the SignalMessage is neither a Receipt nor an Error",
                    sent.messageId(), null);
        }
        try {
            verify(doc, keys, variant, new AttachmentCallbacks(List.of()));
        } catch (As4Exception e) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "receipt signature: " + e.getMessage(), sent.messageId(), e);
        }
        List<As4Reference> nri = new ArrayList<>();
        for (Element part : elements(receipt, Ebms.EBBP, "MessagePartNRInformation")) {
            nri.addAll(references(List.of(Ebms.first(part, Ebms.DSIG, "Reference"))));
        }
        Map<String, String> expected = digestsByUri(sent.signedReferences());
        if (!digestsByUri(nri).equals(expected)) {
            throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT,
                    "the receipt's NonRepudiationInformation does not repeat the digests we signed", sent.messageId(), null);
        }
        return new As4Signal.Receipt(Ebms.requiredText(info, "MessageId"), refTo, nri);
    }

    // ---------------------------------------------------------------- WS-Security processing

    private record Verified(List<As4Reference> references, Set<String> signedAttachments, X509Certificate signer) {
    }

    private static Verified verify(Document doc, As4Keys keys, As4CryptoVariant variant, AttachmentCallbacks attachments) {
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(keys.crypto());
        data.setDecCrypto(keys.crypto());
        data.setCallbackHandler(keys.passwordCallback());
        data.setAttachmentCallbackHandler(attachments);
        data.setAllowRSA15KeyTransportAlgorithm(false);
        data.setDisableBSPEnforcement(true);
        data.setSignatureProvider(signatureProvider(variant));
        WSHandlerResult result;
        try {
            if (variant.keyAgreement() == null) {
                result = new WSSecurityEngine().processSecurityHeader(doc, data);
            } else {
                synchronized (KEY_AGREEMENT_TURNS) {
                    result = new WSSecurityEngine().processSecurityHeader(doc, data);
                }
            }
        } catch (WSSecurityException e) {
            boolean decryption = e.getErrorCode() == WSSecurityException.ErrorCode.FAILED_CHECK
                    && String.valueOf(e.getMessage()).toLowerCase().contains("decrypt");
            throw new As4Exception(decryption ? EbmsErrorCode.FAILED_DECRYPTION : EbmsErrorCode.FAILED_AUTHENTICATION,
                    "WS-Security: " + e.getMessage(), null, e);
        }
        List<WSSecurityEngineResult> signatures = result == null ? List.of()
                : result.getActionResults().getOrDefault(WSConstants.SIGN, List.of());
        if (signatures.size() != 1) {
            throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "expected one signature, found " + signatures.size());
        }
        WSSecurityEngineResult sig = signatures.get(0);
        X509Certificate signer = (X509Certificate) sig.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        if (signer == null || !signer.equals(keys.partnerSigningCertificate())) {
            throw new As4Exception(EbmsErrorCode.FAILED_AUTHENTICATION, "not signed with the partner's pinned certificate");
        }
        String method = (String) sig.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD);
        if (!variant.signatureAlgorithm().equals(method)) {
            throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "signature algorithm " + method
                    + " is not the agreed " + variant.signatureAlgorithm());
        }
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) sig.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        Element messaging = Ebms.messaging(doc);
        Element body = Ebms.first(doc.getDocumentElement(), Ebms.SOAP12, "Body");
        boolean messagingSigned = false;
        boolean bodySigned = false;
        Set<String> signedAttachments = new HashSet<>();
        for (WSDataRef r : refs) {
            if (r.isAttachment()) {
                signedAttachments.add(As4Mime.stripBrackets(r.getWsuId().replaceFirst("^cid:", "")));
            } else if (r.getProtectedElement() == messaging) {
                messagingSigned = true;
            } else if (r.getProtectedElement() == body) {
                bodySigned = true;
            }
            if (!As4CryptoVariant.DIGEST_SHA256.equals(r.getDigestAlgorithm())) {
                throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "digest algorithm " + r.getDigestAlgorithm());
            }
        }
        if (!messagingSigned || !bodySigned) {
            throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "the ebMS header and the SOAP body must be signed");
        }
        List<WSSecurityEngineResult> encryptions = result.getActionResults().getOrDefault(WSConstants.ENCR, List.of());
        for (WSSecurityEngineResult e : encryptions) {
            @SuppressWarnings("unchecked")
            List<WSDataRef> encRefs = (List<WSDataRef>) e.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
            if (encRefs != null) {
                for (WSDataRef r : encRefs) {
                    if (!As4CryptoVariant.AES128_GCM.equals(r.getAlgorithm())) {
                        throw new As4Exception(EbmsErrorCode.POLICY_NONCOMPLIANCE, "data encryption " + r.getAlgorithm());
                    }
                }
            }
        }
        return new Verified(references(signature(doc)), signedAttachments, signer);
    }

    private static List<Element> signature(Document doc) {
        Element security = Ebms.first(doc.getDocumentElement(), Ebms.WSSE, "Security");
        Element signature = Ebms.first(security, Ebms.DSIG, "Signature");
        Element signedInfo = Ebms.first(signature, Ebms.DSIG, "SignedInfo");
        return signedInfo == null ? List.of() : Ebms.children(signedInfo, Ebms.DSIG, "Reference");
    }

    private static List<As4Reference> references(List<Element> refs) {
        List<As4Reference> out = new ArrayList<>();
        for (Element r : refs) {
            if (r == null) {
                throw new As4Exception(EbmsErrorCode.INVALID_RECEIPT, "a MessagePartNRInformation has no ds:Reference");
            }
            List<String> transforms = new ArrayList<>();
            Element transformList = Ebms.first(r, Ebms.DSIG, "Transforms");
            if (transformList != null) {
                Ebms.children(transformList, Ebms.DSIG, "Transform").forEach(t -> transforms.add(t.getAttribute("Algorithm")));
            }
            Element method = Ebms.first(r, Ebms.DSIG, "DigestMethod");
            Element value = Ebms.first(r, Ebms.DSIG, "DigestValue");
            out.add(new As4Reference(r.getAttribute("URI"), transforms, method == null ? "" : method.getAttribute("Algorithm"),
                    value == null ? "" : value.getTextContent().replaceAll("\\s", "")));
        }
        return out;
    }

    private static Map<String, String> digestsByUri(List<As4Reference> refs) {
        Map<String, String> map = new HashMap<>();
        for (As4Reference r : refs) {
            map.put(r.uri(), new java.util.TreeSet<>(r.transforms()) + " " + r.digestAlgorithm() + " " + r.digestValue());
        }
        return map;
    }

    private static List<Element> elements(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** The JCA provider of the variant's signatures; null means the JDK's default. */
    private static Provider signatureProvider(As4CryptoVariant variant) {
        return variant == As4CryptoVariant.AS4_2_EDDSA ? ED25519_PROVIDER : null;
    }

    public static String newMessageId() {
        return UUID.randomUUID() + "@passage";
    }

    private static Document parse(byte[] soap) {
        try {
            Document doc = SecureXml.parse(soap);
            Element root = doc.getDocumentElement();
            if (!Ebms.SOAP12.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
                throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "not a SOAP 1.2 envelope");
            }
            return doc;
        } catch (SAXException e) {
            throw new As4Exception(EbmsErrorCode.INVALID_HEADER, "unreadable SOAP envelope: " + e.getMessage(), null, e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] compressed, long limit) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (out.length > limit) {
                throw new As4Exception(EbmsErrorCode.DECOMPRESSION_FAILURE, "payload larger than " + limit + " bytes once decompressed");
            }
            return out;
        } catch (IOException e) {
            throw new As4Exception(EbmsErrorCode.DECOMPRESSION_FAILURE, "payload is not valid gzip: " + e.getMessage(), null, e);
        }
    }
}
