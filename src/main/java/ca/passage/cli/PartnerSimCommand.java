package ca.passage.cli;

import ca.passage.partner.PartnerProfile;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.devtools.sim.SimBehaviour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "partner-sim", mixinStandardHelpOptions = true,
        description = "Run a simulated foreign partner on loopback: decrypts, verifies, answers with a signed receipt.")
public final class PartnerSimCommand implements Callable<Integer> {

    @Option(names = "--profile", required = true, description = "partner id (its profile in the profiles folder)")
    String partnerId;

    @Option(names = "--port", description = "port to listen on; default: the port of the profile's endpoint")
    Integer port;

    @Option(names = "--archive", description = "keep every raw message received, one file each, exactly as received")
    Path archive;

    @Option(names = "--fail-first", defaultValue = "0", description = "answer HTTP 500 to the first N deliveries")
    int failFirst;

    @Option(names = "--stall-first", defaultValue = "0", description = "hang the first N deliveries for --stall")
    int stallFirst;

    @Option(names = "--stall", defaultValue = "PT60S", description = "how long a stalled delivery hangs; default: ${DEFAULT-VALUE}")
    Duration stall;

    @Option(names = "--drop-receipts-first", defaultValue = "0", description = "answer the first N deliveries without a receipt")
    int dropReceiptsFirst;

    @Option(names = "--async-receipts", description = "answer 202 and post each receipt later to this gateway inbound URL")
    URI asyncReceiptsTo;

    @Mixin
    ConfigDirs dirs;

    @Override
    public Integer call() throws Exception {
        SimBehaviour behaviour = SimBehaviour.wellBehaved().failingFirst(failFirst).stallingFirst(stallFirst, stall)
                .droppingReceiptsFirst(dropReceiptsFirst).asyncReceiptsTo(asyncReceiptsTo);
        PartnerProfile p = Partners.registry(dirs.profiles, dirs.cryptoConfig).find(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("unknown partner " + partnerId));
        try (PartnerSimulator sim = Partners.simulator(dirs.profiles, dirs.cryptoConfig, dirs.keys, partnerId, archive, behaviour)) {
            sim.start(port != null ? port : p.channel().endpoint().getPort());
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
