package ca.passage.cli;

import ca.passage.crypto.CryptoConfig;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.partner.PartnerRegistry;
import ca.passage.sim.PartnerSimulator;
import ca.passage.translate.TranslatorRegistry;
import ca.passage.translate.Translators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "partner-sim", mixinStandardHelpOptions = true,
        description = "Run a simulated foreign partner on loopback: decrypts, verifies, answers with a signed receipt.")
public final class PartnerSimCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--profile", required = true, description = "partner id (its profile in the profiles folder)")
    String partnerId;

    @Option(names = "--listen", description = "port to listen on; default: the port of the profile's endpoint")
    Integer listenPort;

    @Option(names = "--archive", description = "keep every raw message received, one file each, as received")
    Path archive;

    @Option(names = "--fail-first", defaultValue = "0", description = "answer HTTP 503 to the first N deliveries")
    int failFirst;

    @Override
    public Integer call() throws Exception {
        try (PartnerSimulator sim = simulator(config, partnerId, archive, failFirst)) {
            PartnerProfile p = registry(config).get(partnerId);
            sim.start(listenPort != null ? listenPort : p.channel().endpoint().getPort());
            new CountDownLatch(1).await();
        }
        return 0;
    }

    static PartnerRegistry registry(ConfigOptions config) {
        TranslatorRegistry translators = Translators.standard();
        CryptoConfig crypto = CryptoConfig.load(config.cryptoConfig);
        return new PartnerProfileLoader(translators.formats(), crypto.profiles().keySet()).loadRegistry(config.profiles);
    }

    static PartnerSimulator simulator(ConfigOptions config, String partnerId, Path archive, int failFirst) {
        return simulator(config, config.keys, partnerId, archive, failFirst);
    }

    static PartnerSimulator simulator(ConfigOptions config, Path keys, String partnerId, Path archive, int failFirst) {
        CryptoConfig crypto = CryptoConfig.load(config.cryptoConfig);
        PartnerProfile p = registry(config).find(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("unknown partner " + partnerId));
        return new PartnerSimulator(p, Translators.standard().forFormat(p.format()), crypto.profile(p.cryptoProfile()),
                crypto.policy(), keys, archive, failFirst, Clock.systemUTC());
    }
}
