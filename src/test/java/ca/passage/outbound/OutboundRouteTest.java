package ca.passage.outbound;

import ca.passage.broker.EmbeddedBroker;
import ca.passage.broker.Queues;
import ca.passage.channel.DeliveryException;
import ca.passage.crypto.CryptoConfig;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.partner.PartnerRegistry;
import ca.passage.testing.Await;
import ca.passage.translate.Translators;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound route template from {@code routes/outbound.camel.yaml}, on the embedded Artemis broker, with the
 * steps bean replaced by a stub that records what the route asks of it. Proves the route's transactional
 * contract: a failed delivery rolls the message back to the broker, which redelivers it; past the partner's retry
 * limit it dead-letters to FAILED; a message whose exchange is already closed is consumed without sending.
 */
class OutboundRouteTest {

    private static final String PARTNER = "us-hsi";

    @TempDir
    Path dir;

    private EmbeddedBroker broker;
    private CachingConnectionFactory connections;
    private CamelContext camel;
    private final StubSteps steps = new StubSteps();

    @BeforeEach
    void start() throws Exception {
        // The shipped profiles with a quick retry policy: 3 deliveries, 100 ms apart.
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        try (Stream<Path> files = Files.list(Path.of("partner-profiles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.writeString(profiles.resolve(f.getFileName()), Files.readString(f)
                        .replace("maxAttempts: 6", "maxAttempts: 3")
                        .replace("initialDelay: PT1S", "initialDelay: PT0.1S")
                        .replace("maxDelay: PT1M", "maxDelay: PT0.2S"));
            }
        }
        PartnerRegistry partners = new PartnerProfileLoader(Translators.standard().formats(),
                CryptoConfig.load(Path.of("crypto-config")).profiles().keySet()).loadRegistry(profiles);
        assertThat(partners.get(PARTNER).retry().maxAttempts()).isEqualTo(3);
        broker = new EmbeddedBroker(dir.resolve("data"), partners.all());
        broker.start();
        connections = new CachingConnectionFactory(new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL));

        camel = new DefaultCamelContext();
        camel.getRegistry().bind("jms", JmsComponent.jmsComponent(connections));
        // One stub stands in for the notice steps, the delivery engine and the domestic responses alike.
        camel.getRegistry().bind("outboundSteps", steps);
        camel.getRegistry().bind("deliveryEngine", steps);
        camel.getRegistry().bind("domesticResponses", steps);
        camel.getRegistry().bind("lifecycleRequests", steps);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveResource(camel, "file:routes/outbound.camel.yaml"));
        camel.start();
        TemplatedRouteBuilder.builder(camel, "outbound-partner").routeId("outbound-" + PARTNER)
                .parameter("partnerId", PARTNER).add();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (connections != null) {
            connections.destroy();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aFailedDeliveryIsRolledBackAndRedeliveredUntilItSucceeds() throws Exception {
        steps.failuresLeft.set(1);
        send("E-1");
        assertThat(await(() -> steps.acknowledged.contains("E-1"), Duration.ofSeconds(15))).isTrue();
        assertThat(steps.attempts.get("E-1")).as("startAttempt calls").hasValue(2);
        assertThat(steps.posts.get()).isEqualTo(2);
        assertThat(steps.failed).isEmpty();
    }

    @Test
    void aDeliveryThatKeepsFailingDeadLettersAfterTheRetryLimit() throws Exception {
        steps.failuresLeft.set(Integer.MAX_VALUE);
        send("E-2");
        assertThat(await(() -> steps.failed.contains("E-2"), Duration.ofSeconds(15))).isTrue();
        assertThat(steps.attempts.get("E-2")).as("one per delivery, maxAttempts 3").hasValue(3);
        assertThat(steps.acknowledged).isEmpty();
    }

    @Test
    void aMessageForAClosedExchangeIsConsumedWithoutSending() throws Exception {
        steps.closed.add("E-3");
        send("E-3");
        send("E-4"); // same queue, one consumer: once E-4 is done, E-3 has been consumed
        assertThat(await(() -> steps.acknowledged.contains("E-4"), Duration.ofSeconds(15))).isTrue();
        // a redelivery, were there one, would come 100 ms later
        Await.holds(Duration.ofMillis(500), () -> steps.attempts.get("E-3").get() == 1);
        assertThat(steps.attempts.get("E-3")).hasValue(1);
        assertThat(steps.posted).doesNotContain("E-3");
        assertThat(steps.acknowledged).containsExactly("E-4");
        assertThat(steps.failed).isEmpty();
    }

    private void send(String exchangeId) {
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            producer.sendBody("jms:queue:" + Queues.outbound(PARTNER) + "?exchangePattern=InOnly", exchangeId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(BooleanSupplier condition, Duration within) {
        Await.until(within, condition::getAsBoolean);
        return true;
    }

    /**
     * Stands in for {@link OutboundSteps} and {@link DeliveryEngine}: same method names, the message is the exchange
     * id throughout.
     */
    /** The stub's message: the exchange id, and (like an OutboundMessage) whether it carries a notice. */
    public record Msg(String id) {
        public boolean carriesNotice() {
            return true;
        }
    }

    public static final class StubSteps {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Set<String> closed = ConcurrentHashMap.newKeySet();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger posts = new AtomicInteger();
        final List<String> posted = new CopyOnWriteArrayList<>();
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();

        public Optional<Msg> startAttempt(String exchangeId) {
            attempts.computeIfAbsent(exchangeId, k -> new AtomicInteger()).incrementAndGet();
            return closed.contains(exchangeId) ? Optional.empty() : Optional.of(new Msg(exchangeId));
        }

        public Msg translate(Msg m) {
            return m;
        }

        public Msg wrap(Msg m) {
            return m;
        }

        public Msg seal(Msg m) {
            return m;
        }

        public Msg post(Msg m) {
            posts.incrementAndGet();
            if (failuresLeft.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
                throw new DeliveryException("partner unreachable (stub)");
            }
            posted.add(m.id());
            return m;
        }

        public String acceptReceipt(Msg m) {
            acknowledged.add(m.id());
            return "ACKNOWLEDGED";
        }

        public void markFailed(String exchangeId) {
            failed.add(exchangeId);
        }
    }
}
