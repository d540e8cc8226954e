package ca.passage.broker;

import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded broker starts, carries messages on every queue and stops without a single Artemis warning. */
class EmbeddedBrokerTest {

    @Test
    void startsUsesEveryQueueAndStopsWithoutWarnings(@TempDir Path data) throws Exception {
        Logger artemis = (Logger) LoggerFactory.getLogger("org.apache.activemq");
        Level before = artemis.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        artemis.addAppender(logs);
        artemis.setLevel(Level.INFO);
        Collection<PartnerProfile> partners = new PartnerProfileLoader(
                java.util.Set.of("interpol-notice", "eu-umf", "us-niem", "ca-native"), java.util.Set.of("ec", "ed", "rsa", "rsa-compat"))
                .load(Path.of("partner-profiles"));
        try (EmbeddedBroker broker = new EmbeddedBroker(data, partners)) {
            broker.start();
            List<String> queues = new java.util.ArrayList<>(List.of(Queues.DEAD_LETTER, Queues.INBOUND_DOMESTIC,
                    Queues.INBOUND_PARTNERS));
            partners.forEach(p -> queues.add(Queues.outbound(p.id())));
            try (Connection c = new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL).createConnection()) {
                c.start();
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                for (String q : queues) {
                    s.createProducer(s.createQueue(q)).send(s.createTextMessage("ping"));
                    assertThat(s.createConsumer(s.createQueue(q)).receive(10_000)).as(q).isNotNull();
                }
            }
        } finally {
            artemis.detachAppender(logs);
            artemis.setLevel(before);
        }
        assertThat(logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage)).isEmpty();
    }
}
