package ca.passage.broker;

import ca.passage.partner.PartnerProfile;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.util.Collection;

/**
 * Artemis in-process, with a persistent journal under the data folder. Each partner gets a durable queue
 * {@code outbound.<id>} whose redelivery back-off follows the partner's retry policy; exhausted messages go to
 * {@link Queues#DEAD_LETTER}. This broker-side redelivery is the only retry layer.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String IN_VM_URL = "vm://0";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public EmbeddedBroker(Path dataDir, Collection<PartnerProfile> partners) {
        this(dataDir, partners, "in-vm", IN_VM_URL);
    }

    /**
     * A broker whose clients connect through {@code acceptorUrl}: {@code vm://0} in the gateway's own process, or
     * {@code tcp://host:port} for the standalone broker several gateway nodes share ({@code ./passage broker}).
     */
    public EmbeddedBroker(Path dataDir, Collection<PartnerProfile> partners, String acceptorName, String acceptorUrl) {
        Path dir = dataDir.resolve("broker");
        Configuration config = new ConfigurationImpl()
                .setName("passage")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        try {
            config.addAcceptorConfiguration(acceptorName, acceptorUrl);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the broker acceptor " + acceptorUrl, e);
        }
        config.addQueueConfiguration(durable(Queues.DEAD_LETTER));
        config.addQueueConfiguration(durable(Queues.DEAD_LETTER_INBOUND));
        config.addQueueConfiguration(durable(Queues.EXPIRED));
        config.addQueueConfiguration(durable(Queues.INBOUND_DOMESTIC));
        config.addQueueConfiguration(durable(Queues.INBOUND_PARTNERS));
        // every address has a dead-letter and an expiry address (Artemis warns, AMQ222165/AMQ222166, otherwise);
        // the more specific matches below override the dead-letter address and the redelivery policy
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER_INBOUND))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED)));
        // the dead-letter and expiry queues keep what they hold: redelivered without limit, never dead-lettered
        for (String keeper : new String[] {Queues.DEAD_LETTER, Queues.DEAD_LETTER_INBOUND, Queues.EXPIRED}) {
            config.addAddressSetting(keeper, new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setDeadLetterAddress(SimpleString.of(keeper))
                    .setExpiryAddress(SimpleString.of(keeper)));
        }
        for (PartnerProfile p : partners) {
            String queue = Queues.outbound(p.id());
            config.addQueueConfiguration(durable(queue));
            config.addAddressSetting(queue, new AddressSettings()
                    .setMaxDeliveryAttempts(p.retry().maxAttempts())
                    .setRedeliveryDelay(p.retry().initialDelay().toMillis())
                    .setRedeliveryMultiplier(p.retry().multiplier())
                    .setMaxRedeliveryDelay(p.retry().maxDelay().toMillis())
                    .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER))
                    .setExpiryAddress(SimpleString.of(Queues.EXPIRED)));
        }
        server.setConfiguration(config);
    }

    private static QueueConfiguration durable(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker failed to start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded broker failed to stop cleanly", e);
        }
    }
}
