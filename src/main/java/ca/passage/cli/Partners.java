package ca.passage.cli;

import ca.passage.crypto.CryptoConfig;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.partner.PartnerRegistry;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.devtools.sim.SimBehaviour;
import ca.passage.translate.Translators;

import java.nio.file.Path;
import java.time.Clock;

/** What several commands load the same way: the validated partner profiles, and a simulator for one of them. */
final class Partners {

    private Partners() {
    }

    static PartnerRegistry registry(Path profiles, Path cryptoConfig) {
        CryptoConfig crypto = CryptoConfig.load(cryptoConfig);
        return new PartnerProfileLoader(Translators.standard().formats(), crypto.profiles().keySet()).loadRegistry(profiles);
    }

    static PartnerSimulator simulator(Path profiles, Path cryptoConfig, Path keys, String partnerId, Path archive,
                                      SimBehaviour behaviour) {
        CryptoConfig crypto = CryptoConfig.load(cryptoConfig);
        PartnerProfile p = registry(profiles, cryptoConfig).find(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("unknown partner " + partnerId));
        return new PartnerSimulator(p, Translators.standard().forFormat(p.format()), crypto.profile(p.cryptoProfile()),
                crypto.policy(), keys, archive, behaviour, Clock.systemUTC());
    }
}
