package ca.passage.citrus;

import ca.passage.crypto.KeyDirectory;

import ca.passage.app.Gateway;
import ca.passage.crypto.CryptoConfig;
import ca.passage.crypto.CryptoProfile;
import ca.passage.crypto.Keyring;
import ca.passage.crypto.MessageSealer;
import ca.passage.crypto.PartnerTrust;
import ca.passage.envelope.BusinessResponse;
import ca.passage.envelope.Digests;
import ca.passage.envelope.Envelope;
import ca.passage.envelope.EnvelopeHeader;
import ca.passage.envelope.Receipt;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.testing.Await;
import ca.passage.testing.RunningGateway;
import ca.passage.testing.TestProfiles;
import java.util.Optional;
import org.citrusframework.TestAction;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.http.client.HttpClientBuilder;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.http.server.HttpServerBuilder;
import org.citrusframework.junit.jupiter.CitrusSupport;
import org.citrusframework.variable.VariableExtractor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

/**
 * Issue 4's Citrus scenarios: the partner (Citrus) answers a delivery with 202 and no receipt, then later posts its
 * signed receipt and its business response to the gateway's inbound endpoint, as partners' systems do. One
 * scenario ends with the notice accepted, the other with it rejected (error code and text kept on the exchange).
 */
@CitrusSupport
@Tag("process")
class CitrusBusinessResponseTest {

    private static final String EU = "eu-agency";
    private static final String ENV = Envelope.NS;

    private static RunningGateway running;
    private static Path keys;
    private static Gateway gateway;
    private static HttpServer partner;
    private static HttpClient gatewayClient;
    private static CryptoConfig crypto;

    @BeforeAll
    static void start() throws IOException {
        int partnerPort = TestProfiles.freePort();
        partner = new HttpServerBuilder().port(partnerPort).timeout(30_000).autoStart(true).build();
        partner.initialize();
        running = RunningGateway.builder()
                .profiles(yaml -> yaml.contains("id: " + EU + "\n")
                        ? yaml.replaceFirst("endpoint: http://127\\.0\\.0\\.1:\\d+/", "endpoint: http://127.0.0.1:" + partnerPort + "/")
                        : yaml)
                .withoutSimulator(EU)
                .start();
        gateway = running.gateway;
        keys = running.keys;
        crypto = running.crypto;
        gatewayClient = new HttpClientBuilder().requestUrl(running.baseUrl()).build();
    }

    @AfterAll
    static void stop() {
        if (partner != null) {
            partner.stop(); // first: a request it never answered would hold the gateway's shutdown
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    @CitrusTest
    void partnerAcknowledgesLaterAndAcceptsTheNotice(@CitrusResource TestCaseRunner runner) throws IOException {
        ExchangeRecord e = deliverAsynchronously(runner, "CA-ASYNC-ACCEPT");
        runner.$(postAsPartner(response(e, new BusinessResponse(BusinessResponse.ACCEPTED, null, null))));
        runner.$(http().client(gatewayClient).receive().response(HttpStatus.OK));
        runner.$(check(() -> {
            assertThat(gateway.store().findExchange(e.exchangeId()).orElseThrow().state())
                    .isEqualTo(ExchangeState.ACKNOWLEDGED);
            assertThat(new AuditSearch(gateway.dataSource()).search(AuditQuery.all().action("PARTNER_ACCEPTED")
                    .exchange(e.exchangeId())).total()).isEqualTo(1);
        }));
    }

    @Test
    @CitrusTest
    void partnerAcknowledgesLaterThenRejectsTheNoticeWithItsReason(@CitrusResource TestCaseRunner runner)
            throws IOException {
        ExchangeRecord e = deliverAsynchronously(runner, "CA-ASYNC-REJECT");
        runner.$(postAsPartner(response(e, new BusinessResponse(BusinessResponse.REJECTED, "EU-0112",
                "outside the agency's mandate"))));
        runner.$(http().client(gatewayClient).receive().response(HttpStatus.OK));
        runner.$(check(() -> {
            ExchangeRecord after = gateway.store().findExchange(e.exchangeId()).orElseThrow();
            assertThat(after.state()).isEqualTo(ExchangeState.REJECTED);
            assertThat(after.lastError()).contains("EU-0112", "outside the agency's mandate");
        }));
    }

    /**
     * Posts the notice, lets Citrus play the EU agency: it receives the sealed message (XPath on the readable
     * header), answers 202 without a receipt, then posts its signed receipt to the gateway. Returns the exchange,
     * ACKNOWLEDGED.
     */
    private ExchangeRecord deliverAsynchronously(TestCaseRunner runner, String noticeId) throws IOException {
        String notice = Files.readString(Path.of("samples/notices/12-unsc-sanctioned-network.xml"))
                .replaceAll("<noticeId>[^<]+</noticeId>", "<noticeId>" + noticeId + "</noticeId>");
        runner.$(http().client(gatewayClient).send().post("/api/v1/notices")
                .message().contentType("application/xml;charset=UTF-8").body(notice));
        runner.$(http().client(gatewayClient).receive().response(HttpStatus.ACCEPTED));

        AtomicReference<String> received = new AtomicReference<>();
        runner.$(http().server(partner).receive().post("/exchange/v1/inbound")
                .message().timeout(20_000)
                .process(capture(received::set)));
        runner.$(http().server(partner).send().response(HttpStatus.ACCEPTED));
        runner.$(check(() -> {
            assertThat(xpath(received.get(), "/env:Message/env:Header/env:To")).isEqualTo(EU);
            assertThat(xpath(received.get(), "/env:Message/env:Header/env:Action")).isEqualTo(EnvelopeHeader.ACTION_NOTIFY);
            assertThat(xpath(received.get(), "/env:Message/env:Header/env:PayloadFormat")).isEqualTo("eu-umf/1");
        }));

        ExchangeRecord sent = awaitState(noticeId, ExchangeState.SENT);
        byte[] raw = received.get().getBytes(StandardCharsets.UTF_8);
        assertThat(sent.sentDigest()).isEqualTo(Digests.sha256(raw));
        runner.$(postAsPartner(seal(header(sent, EnvelopeHeader.ACTION_RECEIPT, Receipt.FORMAT),
                Receipt.payload(Digests.sha256(raw), "RECEIVED"))));
        runner.$(http().client(gatewayClient).receive().response(HttpStatus.OK));
        return awaitState(noticeId, ExchangeState.ACKNOWLEDGED);
    }

    private TestAction postAsPartner(byte[] sealed) {
        return http().client(gatewayClient).send().post("/exchange/v1/inbound")
                .message().contentType("application/xml").body(new String(sealed, StandardCharsets.UTF_8)).build();
    }

    private byte[] response(ExchangeRecord e, BusinessResponse response) {
        return seal(header(e, BusinessResponse.ACTION, BusinessResponse.FORMAT), response.payload());
    }

    private static EnvelopeHeader header(ExchangeRecord e, String action, String format) {
        return new EnvelopeHeader(UUID.randomUUID() + "@" + EU, e.conversationId(), e.messageId(), EU,
                EnvelopeHeader.GATEWAY_ID, EnvelopeHeader.SERVICE_NOTICE, action, Instant.now(), "H1", format);
    }

    private static byte[] seal(EnvelopeHeader header, byte[] payload) {
        CryptoProfile profile = crypto.profile(gateway.partners().get(EU).cryptoProfile());
        return new MessageSealer(Keyring.load(keys, EU), crypto.policy(), Clock.systemUTC())
                .seal(Envelope.build(header, payload), PartnerTrust.load(keys, KeyDirectory.GATEWAY, profile.keyFamily()), profile);
    }

    private static ExchangeRecord awaitState(String noticeId, ExchangeState state) {
        return Await.until(Duration.ofSeconds(30), () -> gateway.store().exchangesOf(noticeId).stream()
                .filter(x -> x.partnerId().equals(EU) && x.state() == state).findFirst(), Optional::isPresent).get();
    }

    private static String xpath(String xml, String expression) {
        try {
            javax.xml.xpath.XPath x = javax.xml.xpath.XPathFactory.newDefaultInstance().newXPath();
            x.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
                public String getNamespaceURI(String prefix) {
                    return "env".equals(prefix) ? ENV : javax.xml.XMLConstants.NULL_NS_URI;
                }

                public String getPrefix(String uri) {
                    return null;
                }

                public java.util.Iterator<String> getPrefixes(String uri) {
                    return java.util.Collections.emptyIterator();
                }
            });
            return x.evaluate(expression, ca.passage.xml.SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("cannot evaluate " + expression, e);
        }
    }

    private static TestAction check(Runnable assertions) {
        return context -> assertions.run();
    }

    private static VariableExtractor capture(java.util.function.Consumer<String> sink) {
        return (message, context) -> sink.accept(message.getPayload(String.class));
    }
}
