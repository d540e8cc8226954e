package ca.passage.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.sun.net.httpserver.HttpServer;

/**
 * Interoperability with phase4 4.2.7, an independent AS4 implementation, in both directions and both crypto
 * variants: each side verifies, decrypts and decompresses what the other produced, and verifies its receipt.
 */
class Phase4InteropTest {
    @TempDir
    static Path dir;
    static As4TestKeys keys;
    final As4Codec codec = new As4Codec(Clock.systemUTC(), 10_000_000);

    @BeforeAll
    static void keys() {
        keys = new As4TestKeys(dir);
    }

    private As4Keys passage(As4CryptoVariant v) {
        return keys.keys(keys.gateway(v), keys.foreign(v));
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void passageSendsPhase4ReceivesAndPassageVerifiesPhase4sSignedReceipt(As4CryptoVariant v) throws Exception {
        As4Agreement agreement = As4Fixtures.agreement(v);
        try (Phase4AccessPoint phase4 = new Phase4AccessPoint(keys, v)) {
            URI endpoint = phase4.startReceiver(agreement);
            As4UserMessage message = As4Fixtures.message(agreement);
            As4Sender sender = new As4Sender(codec, new As4HttpClient(Duration.ofSeconds(5), Duration.ofSeconds(30)));

            As4Signal signal = sender.send(message, agreement, passage(v), endpoint);

            assertThat(signal).isInstanceOfSatisfying(As4Signal.Receipt.class, r -> {
                assertThat(r.refToMessageId()).isEqualTo(message.messageId());
                assertThat(r.references()).hasSize(3);
            });
            assertThat(phase4.received()).singleElement().satisfies(r -> {
                assertThat(r.messageId()).isEqualTo(message.messageId());
                assertThat(r.fromPartyId()).isEqualTo("ca-passage");
                assertThat(r.payloads()).singleElement().isEqualTo(As4Fixtures.notice());
            });

            // reception awareness: the same MessageId again is a duplicate for phase4, not a second delivery
            As4Signal again = sender.send(message, agreement, passage(v), endpoint);
            assertThat(phase4.received()).hasSize(1);
            assertThat(again).isInstanceOfSatisfying(As4Signal.Error.class,
                    e -> assertThat(e.refToMessageId()).isEqualTo(message.messageId()));
        }
    }

    @ParameterizedTest
    @EnumSource(As4CryptoVariant.class)
    void phase4SendsPassageReceivesAndPhase4VerifiesPassagesSignedReceipt(As4CryptoVariant v) throws Exception {
        As4Agreement inboundAgreement = new As4Agreement("eu-passage-" + v.profileName(),
                new As4Party("eu-agency", As4Fixtures.PARTY_TYPE, As4Fixtures.INITIATOR_ROLE),
                new As4Party("ca-passage", As4Fixtures.PARTY_TYPE, As4Fixtures.RESPONDER_ROLE),
                As4Fixtures.SERVICE, As4Fixtures.SERVICE_TYPE, As4Fixtures.ACTION, As4Fixtures.AGREEMENT, v);
        List<ReceivedUserMessage> delivered = new CopyOnWriteArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        As4Responder responder = new As4Responder(codec);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/as4", exchange -> {
            As4Packet request = new As4Packet(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes());
            As4Responder.Answer answer = responder.answer(request, header -> new As4Inbound(inboundAgreement, passage(v)),
                    seen::add, delivered::add);
            exchange.getResponseHeaders().add("Content-Type", answer.packet().contentType());
            exchange.sendResponseHeaders(200, answer.packet().body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.packet().body());
            }
        });
        server.start();
        try (Phase4AccessPoint phase4 = new Phase4AccessPoint(keys, v)) {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/as4");
            String messageId = As4Codec.newMessageId();

            EAS4UserMessageSendResult result = phase4.send(inboundAgreement, endpoint,
                    keys.gateway(v).encCert(), messageId, As4Fixtures.notice());

            assertThat(result).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
            assertThat(phase4.signals()).singleElement()
                    .satisfies(s -> assertThat(s.getReceipt()).isNotNull());
            assertThat(delivered).singleElement().satisfies(m -> {
                assertThat(m.message().messageId()).isEqualTo(messageId);
                assertThat(m.message().from().id()).isEqualTo("eu-agency");
                assertThat(m.message().payloads()).singleElement()
                        .satisfies(p -> assertThat(p.content()).isEqualTo(As4Fixtures.notice()));
                assertThat(m.signer()).isEqualTo(keys.foreign(v).signCert());
            });

            // phase4 retrying with the same MessageId gets a receipt again; Passage does not deliver twice
            EAS4UserMessageSendResult retry = phase4.send(inboundAgreement, endpoint,
                    keys.gateway(v).encCert(), messageId, As4Fixtures.notice());
            assertThat(retry).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
            assertThat(delivered).hasSize(1);
        } finally {
            server.stop(0);
        }
    }
}
