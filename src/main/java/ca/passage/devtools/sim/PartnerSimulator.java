package ca.passage.devtools.sim;

import ca.passage.as4.As4Codec;
import ca.passage.as4.As4Exception;
import ca.passage.as4.As4HttpClient;
import ca.passage.as4.As4Packet;
import ca.passage.as4.As4Responder;
import ca.passage.as4.EbmsErrorCode;
import ca.passage.as4.ReceivedUserMessage;
import ca.passage.channel.as4.As4PartnerChannel;
import ca.passage.crypto.CryptoProfile;
import ca.passage.xml.SecureXml;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.OpenedMessage;
import ca.passage.crypto.PartnerTrust;
import ca.passage.crypto.CryptoPolicy;
import ca.passage.crypto.SecurityRefusal;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeException;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.LifecycleRequest;
import ca.passage.envelope.Receipt;
import ca.passage.partner.PartnerProfile;
import ca.passage.notice.CaseNotice;
import ca.passage.translate.PartnerTranslator;
import ca.passage.translate.TranslatedPayload;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import ca.passage.access.Tls;
import ca.passage.crypto.KeyDirectory;
import javax.net.ssl.SSLContext;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A foreign partner on loopback. It does what a real partner system does with the same code Passage uses:
 * decrypts with its own key, verifies the gateway's signature against the gateway's pinned certificate, reads
 * the payload in its own format, de-duplicates by message id, and answers with a signed receipt carrying the
 * digest of the exact bytes it received.
 */
public final class PartnerSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSimulator.class);
    private static final int MAX_BYTES = 10 * 1024 * 1024;

    private final PartnerProfile profile;
    private final PartnerTranslator translator;
    private final CryptoProfile cryptoProfile;
    private final MessageOpener opener;
    private final MessageSealer sealer;
    private final PartnerTrust gatewayTrust;
    private final Path archive;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong businessResponses = new AtomicLong();
    private final java.util.Queue<ReceivedLifecycle> lifecycle = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final SimBehaviour behaviour;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger stallsLeft;
    private final AtomicInteger dropsLeft;
    private final java.util.concurrent.ScheduledExecutorService later =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong archived = new AtomicLong();
    private final As4PartnerChannel as4;
    private HttpServer server;
    private java.util.concurrent.ExecutorService workers;

    public PartnerSimulator(PartnerProfile profile, PartnerTranslator translator, CryptoProfile cryptoProfile,
                            CryptoPolicy policy, Path keysDir, Path archive, int failFirst, Clock clock) {
        this(profile, translator, cryptoProfile, policy, keysDir, archive, SimBehaviour.wellBehaved().failingFirst(failFirst),
                clock);
    }

    public PartnerSimulator(PartnerProfile profile, PartnerTranslator translator, CryptoProfile cryptoProfile,
                            CryptoPolicy policy, Path keysDir, Path archive, SimBehaviour behaviour, Clock clock) {
        this.profile = profile;
        this.translator = translator;
        this.cryptoProfile = cryptoProfile;
        Keyring own = Keyring.load(keysDir, profile.id());
        this.opener = new MessageOpener(own, policy, clock);
        this.sealer = new MessageSealer(own, policy, clock);
        this.gatewayTrust = PartnerTrust.load(keysDir, "gateway", cryptoProfile.keyFamily());
        this.archive = archive;
        this.behaviour = behaviour;
        this.failuresLeft = new AtomicInteger(behaviour.failFirst());
        this.stallsLeft = new AtomicInteger(behaviour.stallFirst());
        this.dropsLeft = new AtomicInteger(behaviour.dropReceiptsFirst());
        this.clock = clock;
        // Mutual TLS as a real partner: its own transport key set, the gateway's TLS certificate pinned.
        X509Certificate ca = Tls.certificate(keysDir.resolve("ca.cert.pem"));
        X509Certificate gatewayTls = Tls.certificate(keysDir.resolve(KeyDirectory.TLS + ".cert.pem"));
        this.tls = Tls.context(Tls.keyManager(keysDir.resolve(profile.id() + KeyDirectory.TLS_SUFFIX + ".cert.pem"),
                keysDir.resolve(profile.id() + KeyDirectory.TLS_SUFFIX + ".key.pem")),
                Tls.pinned(List.of(ca, gatewayTls), gatewayTls));
        this.client = HttpClient.newBuilder().sslContext(tls).sslParameters(Tls.parameters(tls, false))
                .version(HttpClient.Version.HTTP_1_1).build();
        // an as4 partner speaks AS4 with the same channel code the gateway uses, the roles turned round, over the
        // same mutual-TLS client
        HttpClient mutualTls = this.client;
        this.as4 = profile.channel().isAs4()
                ? new As4PartnerChannel(own, id -> gatewayTrust, As4PartnerChannel.anchorsIn(keysDir),
                        new As4Codec(clock, MAX_BYTES), new As4HttpClient(endpoint -> mutualTls,
                                java.time.Duration.ofSeconds(30)), true)
                : null;
    }

    private final SSLContext tls;
    private final HttpClient client;

    /** This partner's HTTP client: mutual TLS with its transport certificate, the gateway's certificate pinned. */
    public HttpClient httpClient() {
        return client;
    }

    public void start(int port) throws IOException {
        if (archive != null) {
            Files.createDirectories(archive);
        }
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(Tls.parameters(tls, true));
            }
        });
        server = https;
        server.createContext("/exchange/v1/inbound", this::receive);
        if (as4 != null) {
            server.createContext(profile.channel().endpoint().getPath(), this::receiveAs4);
        }
        server.createContext("/sim/stats", this::stats);
        // named, so that a thread dump (or a CPU split by thread) tells the simulator's work from the gateway's
        AtomicInteger threads = new AtomicInteger();
        workers = Executors.newFixedThreadPool(4, r -> new Thread(r, "partner-sim-" + profile.id() + "-"
                + threads.incrementAndGet()));
        server.setExecutor(workers);
        server.start();
        LOG.info("partner {} simulated on https://127.0.0.1:{}/exchange/v1/inbound (mutual TLS)", profile.id(), port);
    }

    public long distinctMessages() {
        return seen.size();
    }

    /** Business responses received from the gateway (Canada's answers to this partner's notices). */
    public long businessResponses() {
        return businessResponses.get();
    }

    public long duplicateMessages() {
        return duplicates.get();
    }

    private void receive(HttpExchange http) throws IOException {
        try (http) {
            if (!"POST".equals(http.getRequestMethod())) {
                answer(http, 405, "text/plain", "POST only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] raw = admit(http);
            if (raw == null) {
                return;
            }
            EnvelopeHeader header;
            try {
                OpenedMessage opened = opener.open(raw, gatewayTrust, cryptoProfile);
                header = Envelope.readHeader(opened.document());
                if (BusinessResponse.ACTION.equals(header.action())) {
                    BusinessResponse.read(opened.document());
                    businessResponses.incrementAndGet();
                } else if (LifecycleRequest.Kind.ofAction(header.action()) != null) {
                    LifecycleRequest request = LifecycleRequest.read(opened.document());
                    requireKnown(request.refToMessageId());
                    lifecycle.add(new ReceivedLifecycle(header.action(), header.messageId(), request.refToMessageId(),
                            request.reason().name()));
                } else {
                    CaseNotice notice = translator.fromPartner(Envelope.payloadContent(opened.document()), profile);
                    if (EnvelopeHeader.ACTION_UPDATE.equals(header.action())) {
                        requireKnown(header.refToMessageId());
                        lifecycle.add(new ReceivedLifecycle(header.action(), header.messageId(),
                                header.refToMessageId(), notice.supersedes()));
                    }
                }
            } catch (SecurityRefusal | EnvelopeException | IllegalArgumentException e) {
                refused.incrementAndGet();
                LOG.warn("partner {} refused a message: {}", profile.id(), e.getMessage());
                answer(http, 400, "text/plain", ("refused: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!seen.add(header.messageId())) {
                duplicates.incrementAndGet();
            }
            byte[] receipt = receiptFor(header, Digests.sha256(raw));
            if (takeOne(dropsLeft)) {
                answer(http, 200, "application/xml", new byte[0]);
            } else if (behaviour.asyncReceiptsTo() != null) {
                answer(http, 202, "application/xml", new byte[0]);
                later.schedule(() -> postReceipt(receipt), 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                answer(http, 200, "application/xml", receipt);
            }
        } catch (RuntimeException e) {
            LOG.error("partner {} failed on a message", profile.id(), e);
        }
    }

    /**
     * An AS4 UserMessage from the gateway: verified, decrypted, its payload read in this partner's format, and
     * answered with a signed receipt (again for a duplicate, which is counted, not processed twice) or an ebMS error.
     */
    private void receiveAs4(HttpExchange http) throws IOException {
        String type = String.valueOf(http.getRequestHeaders().getFirst("Content-Type"));
        if (!type.startsWith("multipart/related") && !type.startsWith("application/soap+xml")) {
            // business responses still come as the gateway's own envelope (not yet AS4, see docs/as4.md)
            receive(http);
            return;
        }
        try (http) {
            byte[] raw = admit(http);
            if (raw == null) {
                return;
            }
            As4Packet request = new As4Packet(http.getRequestHeaders().getFirst("Content-Type"), raw);
            As4Responder.Answer result = new As4Responder(as4.codec()).answer(request,
                    as4.senders(java.util.List.of(profile)), seen::add, this::readAs4Payload);
            switch (result.outcome()) {
                case DUPLICATE -> duplicates.incrementAndGet();
                case REFUSED -> {
                    refused.incrementAndGet();
                    LOG.warn("partner {} refused an AS4 message: {} {}", profile.id(), result.refusal().code().code(),
                            result.refusal().getMessage());
                }
                case DELIVERED -> { }
            }
            if (takeOne(dropsLeft)) {
                answer(http, 200, "application/soap+xml", new byte[0]);
            } else {
                answer(http, 200, result.packet().contentType(), result.packet().body());
            }
        } catch (RuntimeException e) {
            LOG.error("partner {} failed on an AS4 message", profile.id(), e);
        }
    }

    private void readAs4Payload(ReceivedUserMessage message) {
        try {
            for (var payload : message.message().payloads()) {
                CaseNotice notice = translator.fromPartner(SecureXml.parse(payload.content()).getDocumentElement(), profile);
                String ref = message.message().refToMessageId();
                if (ref != null) {
                    // an updated notice refers to the message that carried the version it supersedes
                    requireKnown(ref);
                    lifecycle.add(new ReceivedLifecycle(EnvelopeHeader.ACTION_UPDATE, message.message().messageId(),
                            ref, notice.supersedes()));
                }
            }
        } catch (org.xml.sax.SAXException | RuntimeException e) {
            throw new As4Exception(EbmsErrorCode.VALUE_INCONSISTENT, "payload is not a valid " + profile.format()
                    + " message: " + e.getMessage());
        }
    }

    /** A real partner answers a request about a message it never received with an error, so the simulator does. */
    private void requireKnown(String refToMessageId) {
        if (refToMessageId == null || !seen.contains(refToMessageId)) {
            throw new IllegalArgumentException("no message " + refToMessageId + " was received from the gateway");
        }
    }

    /**
     * A withdrawal, deletion or correction request, or an updated notice, this partner received from the gateway:
     * the envelope Action, its message id, the message it refers to, and the reason code (for an update, the notice
     * id it supersedes).
     */
    public record ReceivedLifecycle(String action, String messageId, String refToMessageId, String detail) {
    }

    /** Every lifecycle message received, in order of arrival (duplicates included). */
    public List<ReceivedLifecycle> lifecycleReceived() {
        return List.copyOf(lifecycle);
    }

    /** True when a notice message with this id reached the partner. */
    public boolean received(String messageId) {
        return seen.contains(messageId);
    }

    private static boolean takeOne(AtomicInteger left) {
        return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * What both endpoints (envelope and AS4) do first: the size limit, the archive copy, then the configured
     * misbehaviour (a simulated failure, a stall). Null when the request is already answered.
     */
    private byte[] admit(HttpExchange http) throws IOException {
        byte[] raw = readLimited(http.getRequestBody());
        if (raw == null) {
            answer(http, 413, "text/plain", "message too large".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        keep(raw);
        if (takeOne(failuresLeft)) {
            answer(http, 500, "text/plain", "simulated failure".getBytes(StandardCharsets.UTF_8));
            return null;
        }
        if (takeOne(stallsLeft)) {
            stall();
        }
        return raw;
    }

    private void stall() {
        try {
            Thread.sleep(behaviour.stall().toMillis()); // simulates a partner that hangs past the client's time-out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void postReceipt(byte[] receipt) {
        try {
            SendResult r = send(behaviour.asyncReceiptsTo(), receipt);
            if (r.status() != 200) {
                LOG.warn("partner {}: gateway refused an asynchronous receipt (HTTP {})", profile.id(), r.status());
            }
        } catch (RuntimeException e) {
            LOG.warn("partner {}: asynchronous receipt not delivered: {}", profile.id(), e.getMessage());
        }
    }

    private byte[] receiptFor(EnvelopeHeader received, String digest) {
        EnvelopeHeader h = new EnvelopeHeader(UUID.randomUUID() + "@" + profile.id(), received.conversationId(),
                received.messageId(), profile.id(), received.from(), received.service(),
                EnvelopeHeader.ACTION_RECEIPT, clock.instant(), received.handlingCode(), Receipt.FORMAT);
        return sealer.seal(Envelope.build(h, Receipt.payload(digest, "RECEIVED")), gatewayTrust, cryptoProfile);
    }

    /**
     * This partner's notice for Canada, sealed as the partner's system would: its own format, signed with its key,
     * encrypted for the gateway.
     */
    public byte[] sealNotice(CaseNotice notice) {
        return sealNotice(notice, UUID.randomUUID() + "@" + profile.id());
    }

    /** The same, with the message id given (a later update or lifecycle request refers to it). */
    public byte[] sealNotice(CaseNotice notice, String messageId) {
        return sealNotice(notice, messageId, null, EnvelopeHeader.ACTION_NOTIFY);
    }

    /**
     * An updated version of a notice this partner sent as {@code refToMessageId}: Action Update, the whole notice in
     * this partner's format (its supersedes naming the earlier notice).
     */
    public byte[] sealUpdate(CaseNotice notice, String messageId, String refToMessageId) {
        return sealNotice(notice, messageId, refToMessageId, EnvelopeHeader.ACTION_UPDATE);
    }

    private byte[] sealNotice(CaseNotice notice, String messageId, String refToMessageId, String action) {
        TranslatedPayload payload = translator.toPartner(notice, profile);
        EnvelopeHeader h = new EnvelopeHeader(messageId, notice.noticeId(), refToMessageId,
                profile.id(), EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE, action,
                clock.instant(), payload.handlingCode().name(), payload.payloadFormat());
        return sealer.seal(Envelope.build(h, payload.xml()), gatewayTrust, cryptoProfile);
    }

    /**
     * This partner's withdrawal, deletion or correction request about a notice it sent to Canada as
     * {@code refToMessageId}, sealed as its system would.
     */
    public byte[] sealLifecycleRequest(LifecycleRequest.Kind kind, String refToMessageId, LifecycleRequest.Reason reason) {
        LifecycleRequest request = new LifecycleRequest(kind, refToMessageId, reason);
        EnvelopeHeader h = new EnvelopeHeader(UUID.randomUUID() + "@" + profile.id(), refToMessageId, refToMessageId,
                profile.id(), EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE, kind.action(),
                clock.instant(), "H0", LifecycleRequest.FORMAT);
        return sealer.seal(Envelope.build(h, request.payload()), gatewayTrust, cryptoProfile);
    }

    /**
     * This {@code as4} partner's notice for Canada as its access point sends it: an AS4 UserMessage with the
     * partner-format payload, posted to the gateway's AS4 endpoint; the answer is the gateway's receipt, verified
     * against our digests, or its ebMS error.
     */
    public ca.passage.as4.As4Signal sendAs4Notice(URI gatewayAs4, CaseNotice notice) {
        ca.passage.as4.SealedUserMessage sealed = sealAs4Notice(notice);
        return as4.check(profile, as4.post(gatewayAs4, sealed), sealed);
    }

    /** This {@code as4} partner's notice for Canada as a signed, encrypted AS4 UserMessage, not sent. */
    public ca.passage.as4.SealedUserMessage sealAs4Notice(CaseNotice notice) {
        TranslatedPayload payload = translator.toPartner(notice, profile);
        return as4.seal(profile, UUID.randomUUID() + "@" + profile.id(), notice.noticeId(), payload.xml(),
                payload.payloadFormat(), payload.handlingCode().name(), clock.instant());
    }

    /** A business response to one of the gateway's messages (accepted, or rejected with a code and text). */
    public byte[] sealResponse(String refToMessageId, BusinessResponse response) {
        EnvelopeHeader h = new EnvelopeHeader(UUID.randomUUID() + "@" + profile.id(), refToMessageId, refToMessageId,
                profile.id(), EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE, BusinessResponse.ACTION,
                clock.instant(), "H0", BusinessResponse.FORMAT);
        return sealer.seal(Envelope.build(h, response.payload()), gatewayTrust, cryptoProfile);
    }

    /** Posts a sealed message to the gateway and checks its answer: a receipt signed by the gateway for those bytes. */
    public SendResult send(URI gatewayInbound, byte[] sealed) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(gatewayInbound)
                            .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(sealed)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            boolean receiptValid = false;
            if (r.statusCode() == 200 && r.body().length > 0) {
                Receipt receipt = Receipt.read(opener.open(r.body(), gatewayTrust, cryptoProfile).document());
                receiptValid = receipt.receivedDigest().equalsIgnoreCase(Digests.sha256(sealed));
            }
            return new SendResult(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), receiptValid);
        } catch (IOException e) {
            throw new IllegalStateException("gateway unreachable at " + gatewayInbound + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The gateway's answer to a message this partner sent. */
    public record SendResult(int status, String body, boolean receiptVerified) {
    }

    private void stats(HttpExchange http) throws IOException {
        try (http) {
            String json = "{\"partner\":\"" + profile.id() + "\",\"distinct\":" + seen.size() + ",\"duplicates\":"
                    + duplicates.get() + ",\"refused\":" + refused.get() + "}";
            answer(http, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void keep(byte[] raw) throws IOException {
        if (archive != null) {
            String name = String.format("%06d-%s.xml", archived.incrementAndGet(), Digests.sha256(raw).substring(0, 16));
            Files.write(archive.resolve(name), raw);
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? null : bytes;
    }

    private static void answer(HttpExchange http, int status, String type, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", type);
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
        later.shutdownNow();
    }
}
