package ca.passage.cli;

import ca.passage.broker.EmbeddedBroker;
import ca.passage.partner.PartnerProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone Artemis broker process (the artemis-server the gateway embeds, with a TCP acceptor) that several
 * gateway nodes share: {@code ./passage run --broker-url tcp://127.0.0.1:61616} on each node. Its journal is under
 * {@code DIR/broker}; the partner queues get the partners' retry policies and the dead-letter queue, as in the
 * embedded broker.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a standalone Artemis broker that several gateway nodes share (--broker-url tcp://HOST:PORT).")
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "data-broker", description = "broker folder (journal under DIR/broker); default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--port", defaultValue = "61616", description = "TCP port; default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on; default: ${DEFAULT-VALUE}")
    String bind;

    @Mixin
    ConfigDirs dirs;

    @Override
    public Integer call() throws Exception {
        Collection<PartnerProfile> partners = Partners.registry(dirs.profiles, dirs.cryptoConfig).all();
        Files.createDirectories(data);
        String url = "tcp://" + bind + ":" + port;
        EmbeddedBroker broker = new EmbeddedBroker(data, partners, "tcp", url);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "passage-broker-shutdown"));
        broker.start();
        System.out.println("passage broker: " + url + ", journal in " + data.resolve("broker") + ", " + partners.size()
                + " partner queue(s)");
        stopped.await();
        return 0;
    }
}
