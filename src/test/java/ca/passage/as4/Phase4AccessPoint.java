package ca.passage.as4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.wss4j.common.WSS4JConstants;
import org.w3c.dom.Node;

import com.helger.base.io.iface.IHasInputStream;
import com.helger.base.state.ETriState;
import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.http.header.HttpHeaderMap;
import com.helger.mime.CMimeType;
import com.helger.mime.IMimeType;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.IAS4IncomingAttachmentFactory;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.crypto.IAS4CryptoFactory;
import com.helger.phase4.crypto.IWSSecEncryptCustomizer;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.AS4IncomingMessageMetadata;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4IncomingReceiverConfiguration;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4ResponseAbstraction;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import com.helger.phase4.incoming.spi.AS4MessageProcessorResult;
import com.helger.phase4.incoming.spi.AS4SignalMessageProcessorResult;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.model.pmode.PModeParty;
import com.helger.phase4.model.pmode.PModeReceptionAwareness;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegBusinessInformation;
import com.helger.phase4.model.pmode.leg.PModeLegErrorHandling;
import com.helger.phase4.model.pmode.leg.PModeLegProtocol;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.model.pmode.resolve.IAS4PModeResolver;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.wss.EWSSVersion;
import com.helger.servlet.mock.MockServletContext;
import com.helger.web.scope.mgr.WebScopeManager;
import com.helger.web.scope.mgr.WebScoped;
import com.sun.net.httpserver.HttpServer;

/**
 * phase4, the independent AS4 implementation, playing the foreign access point: a receiver on a free loopback port
 * (phase4's own request handler, crypto and receipt) and a sender (phase4's own client). Configured only from the
 * agreement's values, never from our library's classes, so both sides must agree on the wire alone.
 */
final class Phase4AccessPoint implements AutoCloseable {
    record Received(String messageId, String fromPartyId, String action, List<byte[]> payloads) {
    }

    private final As4CryptoVariant variant;
    private final IAS4CryptoFactory signing;
    private final IAS4CryptoFactory decryption;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Ebms3SignalMessage> signals = new CopyOnWriteArrayList<>();
    private HttpServer server;

    Phase4AccessPoint(As4TestKeys keys, As4CryptoVariant variant) throws Exception {
        this.variant = variant;
        As4TestKeys.Side self = keys.foreign(variant);
        As4TestKeys.Side gateway = keys.gateway(variant);
        var trust = As4TestKeys.trustStore(keys.ca(), gateway.signCert(), gateway.encCert());
        this.signing = new AS4CryptoFactoryInMemoryKeyStore(
                As4TestKeys.keyStore("sign", self.signKey(), self.signCert(), keys.ca()), "sign", As4TestKeys.PASSWORD, trust);
        this.decryption = new AS4CryptoFactoryInMemoryKeyStore(
                As4TestKeys.keyStore("decrypt", self.encKey(), self.encCert(), keys.ca()), "decrypt", As4TestKeys.PASSWORD, trust);
        if (!WebScopeManager.isGlobalScopePresent()) {
            WebScopeManager.onGlobalBegin(MockServletContext.create());
        }
    }

    /** A phase4 P-Mode with the agreement's parties, service, action and algorithms (receipts: signed, NR, response). */
    PMode pmode(As4Agreement agreement, String address) {
        PModeParty initiator = new PModeParty(agreement.initiator().idType(), agreement.initiator().id(),
                agreement.initiator().role(), null, null);
        PModeParty responder = new PModeParty(agreement.responder().idType(), agreement.responder().id(),
                agreement.responder().role(), null, null);
        PModeLegSecurity security = new PModeLegSecurity();
        security.setWSSVersion(EWSSVersion.WSS_111);
        security.setX509SignatureAlgorithm(variant == As4CryptoVariant.AS4_1_RSA ? ECryptoAlgorithmSign.RSA_SHA_256
                : ECryptoAlgorithmSign.EDDSA_ED25519);
        security.setX509SignatureHashFunction(ECryptoAlgorithmSignDigest.DIGEST_SHA_256);
        security.setX509EncryptionAlgorithm(ECryptoAlgorithmCrypt.AES_128_GCM);
        security.setX509EncryptionMinimumStrength(128);
        security.setPModeAuthorize(false);
        security.setSendReceipt(true);
        security.setSendReceiptNonRepudiation(true);
        security.setSendReceiptReplyPattern(EPModeSendReceiptReplyPattern.RESPONSE);
        PModeLegErrorHandling errors = new PModeLegErrorHandling(null, null, ETriState.TRUE, ETriState.TRUE,
                ETriState.TRUE, ETriState.TRUE);
        PModeLeg leg = new PModeLeg(PModeLegProtocol.createForDefaultSoapVersion(address),
                new PModeLegBusinessInformation(agreement.service(), agreement.serviceType(), agreement.action(), null, null,
                        null, null),
                errors, null, security);
        return new PMode(agreement.pmodeId() == null ? "passage-test" : agreement.pmodeId(), initiator, responder,
                agreement.agreementRef(), EMEP.ONE_WAY, EMEPBinding.PUSH, leg, null, null,
                new PModeReceptionAwareness(ETriState.TRUE, ETriState.TRUE, 1, 1000, ETriState.TRUE));
    }

    /** Starts phase4's request handler behind a loopback HTTP server on a free port; returns its address. */
    URI startReceiver(As4Agreement agreement) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/as4");
        PMode pmode = pmode(agreement, uri.toString());
        IAS4PModeResolver resolver = (id, service, action, initiator, responder, agreementRef, address) -> pmode;
        server.createContext("/as4", exchange -> {
            HttpHeaderMap headers = new HttpHeaderMap();
            exchange.getRequestHeaders().forEach((k, values) -> values.forEach(v -> headers.addHeader(k, v)));
            CapturedResponse response = new CapturedResponse();
            try (WebScoped scope = new WebScoped();
                 AS4RequestHandler handler = new AS4RequestHandler(AS4IncomingMessageMetadata.createForRequest())) {
                handler.setCryptoFactorySign(signing);
                handler.setCryptoFactoryCrypt(decryption);
                handler.setPModeResolver(resolver);
                handler.setIncomingProfileSelector(new AS4IncomingProfileSelectorConstant(null, false));
                handler.setIncomingAttachmentFactory(IAS4IncomingAttachmentFactory.DEFAULT_INSTANCE);
                handler.setIncomingSecurityConfiguration(AS4IncomingSecurityConfiguration.createDefaultInstance());
                handler.setIncomingReceiverConfiguration(new AS4IncomingReceiverConfiguration());
                handler.setProcessorSupplier(() -> new CommonsArrayList<>(new Collector()));
                handler.handleRequest(exchange.getRequestBody(), headers, response);
            } catch (Exception e) {
                response.status = 500;
                response.body = String.valueOf(e).getBytes();
                response.contentType = "text/plain";
            }
            exchange.getResponseHeaders().add("Content-Type", response.contentType);
            response.headers.forEachSingleHeader((k, v) -> exchange.getResponseHeaders().add(k, v), false);
            exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        });
        server.start();
        return uri;
    }

    List<Received> received() {
        return received;
    }

    List<Ebms3SignalMessage> signals() {
        return signals;
    }

    /**
     * phase4 sends {@code payload} under {@code agreement} (phase4 the initiator) to {@code endpoint} and checks the
     * answer is a receipt it can verify.
     */
    EAS4UserMessageSendResult send(As4Agreement agreement, URI endpoint, X509Certificate receiverEncryption,
                                   String messageId, byte[] payload) {
        PMode pmode = pmode(agreement, endpoint.toString());
        var builder = AS4Sender.builderUserMessage()
                // no phase4 profile module: a profile id with our own P-Mode and no profile validation
                .as4ProfileID("passage-interop")
                .pmodeResolver((id, service, action, initiator, responder, agreementRef, address) -> pmode)
                .incomingProfileSelector(new AS4IncomingProfileSelectorConstant(null, false))
                .cryptoFactorySign(signing)
                .cryptoFactoryCrypt(decryption)
                .pmode(pmode)
                .messageID(messageId)
                .fromPartyIDType(agreement.initiator().idType()).fromPartyID(agreement.initiator().id())
                .fromRole(agreement.initiator().role())
                .toPartyIDType(agreement.responder().idType()).toPartyID(agreement.responder().id())
                .toRole(agreement.responder().role())
                .service(agreement.serviceType(), agreement.service())
                .action(agreement.action())
                .agreementRef(agreement.agreementRef())
                .conversationID("phase4-conversation")
                .receiverCertificate(receiverEncryption)
                .endpointURL(endpoint.toString())
                .addAttachment(AS4OutgoingAttachment.builder().data(payload).contentID("payload@phase4")
                        .mimeType(CMimeType.APPLICATION_XML).compressionGZIP())
                .signalMsgConsumer((signal, metadata, state) -> signals.add(signal));
        if (variant == As4CryptoVariant.AS4_2_EDDSA) {
            // phase4 4.2.7 names no X25519 key agreement; WSS4J underneath has it, reached through phase4's hook
            builder.withCryptParams(params -> params.setWSSecEncryptCustomizer(new IWSSecEncryptCustomizer() {
                @Override
                public void customize(org.apache.wss4j.dom.message.WSSecEncrypt encrypt) {
                    encrypt.setKeyEncAlgo(WSS4JConstants.KEYWRAP_AES128);
                    encrypt.setKeyAgreementMethod(WSS4JConstants.AGREEMENT_METHOD_X25519);
                    encrypt.setKeyDerivationMethod(WSS4JConstants.KEYDERIVATION_HKDF);
                }
            }));
        }
        return builder.sendMessageAndCheckForReceipt();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private final class Collector implements IAS4IncomingMessageProcessorSPI {
        @Override
        public AS4MessageProcessorResult processAS4UserMessage(IAS4IncomingMessageMetadata metadata,
                                                               HttpHeaderMap headers,
                                                               Ebms3UserMessage userMessage,
                                                               com.helger.phase4.model.pmode.IPMode pmode,
                                                               Node payload,
                                                               ICommonsList<WSS4JAttachment> attachments,
                                                               IAS4IncomingMessageState state,
                                                               AS4ErrorList errors) {
            List<byte[]> contents = new java.util.ArrayList<>();
            if (attachments != null) {
                for (WSS4JAttachment a : attachments) {
                    try (InputStream in = a.getSourceStream()) {
                        contents.add(in.readAllBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            received.add(new Received(userMessage.getMessageInfo().getMessageId(),
                    userMessage.getPartyInfo().getFrom().getPartyIdAtIndex(0).getValue(),
                    userMessage.getCollaborationInfo().getAction(), contents));
            return AS4MessageProcessorResult.createSuccess();
        }

        @Override
        public AS4SignalMessageProcessorResult processAS4SignalMessage(IAS4IncomingMessageMetadata metadata,
                                                                       HttpHeaderMap headers,
                                                                       Ebms3SignalMessage signalMessage,
                                                                       com.helger.phase4.model.pmode.IPMode pmode,
                                                                       IAS4IncomingMessageState state,
                                                                       AS4ErrorList errors) {
            return AS4SignalMessageProcessorResult.createSuccess();
        }

        @Override
        public void processAS4ResponseMessage(IAS4IncomingMessageMetadata metadata,
                                              IAS4IncomingMessageState state, String responseMessageId,
                                              byte [] responseBytes, boolean responsePayloadIsAvailable) {
        }
    }

    private static final class CapturedResponse implements IAS4ResponseAbstraction {
        int status = 200;
        String contentType = "application/soap+xml";
        byte[] body = new byte[0];
        HttpHeaderMap headers = new HttpHeaderMap();

        @Override
        public void setStatus(int statusCode) {
            status = statusCode;
        }

        @Override
        public void setMimeType(IMimeType mimeType) {
            contentType = mimeType.getAsString();
        }

        @Override
        public void setContent(byte[] bytes, Charset charset) {
            body = bytes;
            if (!contentType.contains("charset")) {
                contentType = contentType + "; charset=" + charset.name();
            }
        }

        @Override
        public void setContent(HttpHeaderMap headerMap, IHasInputStream content) {
            headers = headerMap;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = content.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            body = out.toByteArray();
        }
    }
}
