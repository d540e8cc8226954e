package ca.passage.citrus;

import ca.passage.crypto.KeyDirectory;

import ca.passage.app.Gateway;
import ca.passage.crypto.CryptoConfig;
import ca.passage.crypto.CryptoProfile;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.MessageOpener;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.OpenedMessage;
import ca.passage.crypto.PartnerTrust;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import ca.passage.testing.TestProfiles;
import ca.passage.xml.SecureXml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.citrusframework.TestAction;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.client.HttpClientBuilder;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.http.server.HttpServerBuilder;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.citrusframework.validation.xml.XpathMessageValidationContext;
import org.citrusframework.variable.VariableExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.http.HttpStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

/**
 * Issue 2's Citrus integration test: HTTP in, simulated partner out, XPath on what the partner received.
 *
 * <p>A real gateway runs in-process ({@link RunningGateway}). Its partner profiles are a copy of
 * {@code partner-profiles/} in which the INTERPOL-style hub's endpoint is a Citrus HTTP server; the other partners
 * are {@link PartnerSimulator}s on free ports. Citrus posts a sample notice to the REST API, validates the 202,
 * then plays the hub: it receives the sealed message, checks its envelope with XPath, opens it with the hub's own
 * keys, checks the INTERPOL-format payload (and that what the hub's agreement does not allow is absent), and
 * answers with a receipt signed by the hub. The exchange must end ACKNOWLEDGED.
 */
@CitrusSupport
@Tag("process")
class CitrusPartnerExchangeTest {

    private static final String HUB = "interpol-hub";
    private static final String NOTICE_ID = "CA-2026-000103";
    private static final String ENV = Envelope.NS;
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String IPN = "urn:passage:partner:interpol-notice:1";

    private static RunningGateway running;
    private static Path keys;
    private static Gateway gateway;
    private static HttpServer hub;
    private static HttpClient client;
    private static CryptoConfig crypto;

    @BeforeAll
    static void start() throws IOException {
        int hubPort = TestProfiles.freePort();
        // Bound at once, before the slow key generation, so that no other process takes the port meanwhile.
        hub = new HttpServerBuilder().port(hubPort).timeout(30_000).autoStart(true).build();
        hub.initialize(); // without Spring nobody else does: creates the endpoint adapter and starts
        // The hub is played by a plain-HTTP Citrus server on loopback (the development flag allows it); the other
        // partners are simulators; the officers' side is HTTPS with officer1's client certificate.
        running = RunningGateway.builder()
                .profiles(yaml -> yaml.contains("id: " + HUB + "\n")
                        ? yaml.replaceFirst("endpoint: https?://127\\.0\\.0\\.1:\\d+/", "endpoint: http://127.0.0.1:" + hubPort + "/")
                        : yaml)
                .withoutSimulator(HUB)
                .allowPlainHttpPartners()
                .start();
        gateway = running.gateway;
        keys = running.keys;
        crypto = running.crypto;
        client = new HttpClientBuilder().requestUrl(running.baseUrl())
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(running.as("officer1")))
                .build();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.stop(); // first: a request it never answered would hold the gateway's shutdown
        }
        if (running != null) {
            running.close();
        }
    }

    @org.junit.jupiter.api.Test
    @CitrusTest
    void noticePostedOverRestReachesThePartnerSealedInItsFormatAndEndsAcknowledged(@CitrusResource TestCaseRunner runner)
            throws IOException {
        String notice = Files.readString(Path.of("samples/notices/03-blue-labour-recruiter-locate.xml"));

        // HTTP in: the liaison officer's notice, answered 202 with one exchange per recipient.
        runner.$(http().client(client).send().post("/api/v1/notices")
                .message().contentType("application/xml;charset=UTF-8").body(notice));
        AtomicReference<JsonNode> accepted = new AtomicReference<>();
        runner.$(http().client(client).receive().response(HttpStatus.ACCEPTED)
                .message().process(capture(m -> accepted.set(readJson(m)))));
        AtomicReference<ExchangeRecord> hubExchange = new AtomicReference<>();
        runner.$(check(() -> {
            JsonNode json = accepted.get();
            assertThat(json.path("noticeId").asText()).as(json.toString()).isEqualTo(NOTICE_ID);
            List<String> partners = new ArrayList<>();
            json.path("exchanges").forEach(e -> {
                assertThat(e.path("exchangeId").asText()).isNotBlank();
                partners.add(e.path("partnerId").asText());
            });
            assertThat(partners).as(json.toString()).containsExactlyInAnyOrder(HUB, "us-hsi");
            ExchangeRecord e = gateway.store().exchangesOf(NOTICE_ID).stream()
                    .filter(x -> x.partnerId().equals(HUB)).findFirst().orElseThrow();
            assertThat(exchangeIds(json)).contains(e.exchangeId());
            hubExchange.set(e);
        }));
        ExchangeRecord exchange = hubExchange.get();

        // Simulated partner out: what reaches the hub is an envelope with a readable header, an encrypted
        // payload and a signature. (Citrus evaluates a bare expression as a node: "string:" makes count() a value.)
        AtomicReference<String> received = new AtomicReference<>();
        runner.$(http().server(hub).receive().post("/exchange/v1/inbound")
                .message().timeout(60_000) // as the end-to-end test's wait: CI's two cores are shared
                .validate(XpathMessageValidationContext.Builder.xpath()
                        .namespaces(Map.of("env", ENV, "ds", DS, "xenc", XENC))
                        .expression("/env:Message/env:Header/env:MessageId", exchange.messageId())
                        .expression("/env:Message/env:Header/env:ConversationId", exchange.conversationId())
                        .expression("/env:Message/env:Header/env:From", EnvelopeHeader.GATEWAY_ID)
                        .expression("/env:Message/env:Header/env:To", HUB)
                        .expression("/env:Message/env:Header/env:Service", EnvelopeHeader.SERVICE_NOTICE)
                        .expression("/env:Message/env:Header/env:Action", EnvelopeHeader.ACTION_NOTIFY)
                        // H1 asked, H2 because the hub's agreement allows onward transfer only with consent
                        .expression("/env:Message/env:Header/env:HandlingCode", "H2")
                        .expression("/env:Message/env:Header/env:PayloadFormat", "interpol-notice/1")
                        .expression("string:count(/env:Message/env:Payload/xenc:EncryptedData)", "1")
                        .expression("string:count(/env:Message/env:Payload/*)", "1")
                        .expression("string:count(/env:Message/ds:Signature)", "1")
                        .expression("string:count(/env:Message/ds:Signature/ds:SignedInfo/ds:Reference)", "2")
                        .expression("string:count(//*[contains(text(), 'Villanueva')])", "0"))
                .process(capture(received::set)));

        // The hub opens it with its own keys and the gateway's pinned certificate, and reads its own format.
        byte[] raw = received.get().getBytes(StandardCharsets.UTF_8);
        CryptoProfile profile = crypto.profile(gateway.partners().get(HUB).cryptoProfile());
        Keyring hubKeys = Keyring.load(keys, HUB);
        PartnerTrust gatewayTrust = PartnerTrust.load(keys, KeyDirectory.GATEWAY, profile.keyFamily());
        AtomicReference<OpenedMessage> openedRef = new AtomicReference<>();
        runner.$(check(() -> {
            OpenedMessage opened = new MessageOpener(hubKeys, crypto.policy(), Clock.systemUTC())
                    .open(raw, gatewayTrust, profile);
            Element payload = Envelope.payloadContent(opened.document());
            Document partnerDoc = toDocument(payload);
            assertXpath(partnerDoc, "/ipn:notice/notice_reference", NOTICE_ID);
            assertXpath(partnerDoc, "/ipn:notice/notice_type", "notice");
            assertXpath(partnerDoc, "/ipn:notice/colour", "blue");
            assertXpath(partnerDoc, "/ipn:notice/requesting_country_id", "CA");
            assertXpath(partnerDoc, "/ipn:notice/legal_basis/agreement_reference", "CA-IP-NCB-2019-07");
            assertXpath(partnerDoc, "/ipn:notice/handling/code", "H2");
            // the message carries the hub's own agreement and Canada's disclosure authority; H1 travels separately
            assertXpath(partnerDoc, "/ipn:notice/legal_basis/instrument",
                    gateway.partners().get(HUB).agreement().legalBasis() + "; disclosed under Privacy Act s. 8(2)(f)");
            assertXpath(partnerDoc, "/ipn:notice/handling/restriction", "H1: not to be used in judicial proceedings "
                    + "without the permission of Canada. H2: not to be passed on to a third party without the permission "
                    + "of Canada (agreement CA-IP-NCB-2019-07: onward transfer only with Canada's consent). Retain no "
                    + "longer than 5 years (agreement CA-IP-NCB-2019-07).");
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='VIC'])", "1");
            assertXpath(partnerDoc, "/ipn:notice/person[role_id='VIC']/age_band", "25-34");
            assertXpath(partnerDoc, "/ipn:notice/person[role_id='VIC']/sex_id", "F");
            assertXpath(partnerDoc, "/ipn:notice/person[role_id='VIC']/nationalities", "PH");
            // Victim identity is not in the hub's agreement: no name, no birth date, no identity document.
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='VIC']/name)", "0");
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='VIC']/forename)", "0");
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='VIC']/date_of_birth)", "0");
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='VIC']/identity_documents)", "0");
            assertXpath(partnerDoc, "count(//*[contains(text(), 'Villanueva') or contains(text(), 'Maricel')"
                    + " or contains(text(), '1991-12-03') or contains(text(), 'U104477123')])", "0");
            assertXpath(partnerDoc, "count(/ipn:notice/person[role_id='SUS'])", "1");
            openedRef.set(opened);
        }));
        OpenedMessage opened = openedRef.get();

        // The hub's signed receipt over the exact bytes it received closes the exchange.
        String receipt = new String(receiptFor(Envelope.readHeader(opened.document()), Digests.sha256(raw), hubKeys,
                gatewayTrust, profile), StandardCharsets.UTF_8);
        runner.$(http().server(hub).send().response(HttpStatus.OK)
                .message().contentType("application/xml").body(receipt));
        runner.$(check(() -> {
            ExchangeRecord done = awaitFinal(exchange.exchangeId(), Duration.ofSeconds(30));
            assertThat(done.state()).as(String.valueOf(done.lastError())).isEqualTo(ExchangeState.ACKNOWLEDGED);
            assertThat(done.sentDigest()).isEqualTo(Digests.sha256(raw));
            assertThat(done.receiptDigest()).isEqualTo(Digests.sha256(receipt.getBytes(StandardCharsets.UTF_8)));
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(awaitFinal(gateway.store().exchangesOf(NOTICE_ID).stream()
                    .filter(e -> e.partnerId().equals("us-hsi")).findFirst().orElseThrow().exchangeId(),
                    Duration.ofSeconds(30)).state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
        }));
    }

    /** Plain assertions as a Citrus action, so that a failure reaches the report with its message. */
    private static TestAction check(Runnable assertions) {
        return context -> assertions.run();
    }

    /**
     * Keeps the received body. An extractor, because Citrus applies a plain processor to the control message and
     * a ValidationProcessor would replace its own validation (status, headers, XPath) instead of adding to it.
     */
    private static VariableExtractor capture(java.util.function.Consumer<String> sink) {
        return (message, context) -> sink.accept(message.getPayload(String.class));
    }

    /** As {@code PartnerSimulator.receiptFor}: an envelope answering the message, carrying the received digest. */
    private static byte[] receiptFor(EnvelopeHeader received, String digest, Keyring own, PartnerTrust gateway,
                                     CryptoProfile profile) {
        EnvelopeHeader h = new EnvelopeHeader(UUID.randomUUID() + "@" + HUB, received.conversationId(),
                received.messageId(), HUB, received.from(), received.service(), EnvelopeHeader.ACTION_RECEIPT,
                Instant.now(), received.handlingCode(), Receipt.FORMAT);
        return new MessageSealer(own, crypto.policy(), Clock.systemUTC())
                .seal(Envelope.build(h, Receipt.payload(digest, "RECEIVED")), gateway, profile);
    }

    private static void assertXpath(Document doc, String expression, String expected) {
        try {
            XPath xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "ipn".equals(prefix) ? IPN : null;
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
            Object value = xpath.evaluate(expression, doc, XPathConstants.STRING);
            assertThat(value).as(expression).isEqualTo(expected);
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new AssertionError(expression + ": " + e.getMessage(), e);
        }
    }

    private static Document toDocument(Element e) {
        Document d = SecureXml.documentBuilder().newDocument();
        d.appendChild(d.importNode(e, true));
        return d;
    }

    private static JsonNode readJson(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (IOException e) {
            throw new AssertionError("202 body is not JSON: " + s, e);
        }
    }

    private static List<String> exchangeIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("exchanges").forEach(e -> ids.add(e.path("exchangeId").asText()));
        return ids;
    }

    private static ExchangeRecord awaitFinal(String exchangeId, Duration within) {
        return Await.until(within, () -> gateway.store().findExchange(exchangeId).orElseThrow(),
                e -> e.state().isFinal());
    }
}
