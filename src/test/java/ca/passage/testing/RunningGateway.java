package ca.passage.testing;

import ca.passage.app.Gateway;
import ca.passage.app.GatewaySettings;
import ca.passage.crypto.CryptoConfig;
import ca.passage.devtools.pki.DevPki;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.partner.PartnerProfile;
import ca.passage.devtools.sim.PartnerSimulator;
import ca.passage.devtools.sim.SimBehaviour;
import ca.passage.translate.Translators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real gateway for one test class, as the demo runs it: a temporary data folder, development keys generated
 * for the shipped partner profiles (moved to free ports), a simulated partner per profile, the gateway on free
 * ports. Closing it stops everything and deletes the folder.
 */
public final class RunningGateway implements AutoCloseable {

    public final Path dir;
    public final Path keys;
    public final CryptoConfig crypto;
    public final Gateway gateway;
    public final int port;
    public final int managementPort;
    private final Map<String, PartnerSimulator> sims = new HashMap<>();

    private RunningGateway(Builder b) throws IOException {
        dir = Files.createTempDirectory("passage-test");
        keys = dir.resolve("keys");
        crypto = CryptoConfig.load(Path.of("crypto-config"));
        port = TestProfiles.freePort();
        managementPort = TestProfiles.freePort();
        Path profiles = TestProfiles.withFreePorts(dir.resolve("profiles"), b.profileEdit);
        gateway = new Gateway(new GatewaySettings(dir.resolve("data"), profiles, Path.of("crypto-config"), keys, port,
                managementPort, null, null, "sa", "", b.deliveryTimeout));
        new DevPki().init(keys, gateway.partners().all().stream()
                .map(p -> PartnerKeySpec.of(p.id(), crypto.profile(p.cryptoProfile()))).toList());
        b.keysEdit.accept(keys);
        for (PartnerProfile p : gateway.partners().all()) {
            if (!b.withoutSimulator.contains(p.id())) {
                PartnerSimulator sim = new PartnerSimulator(p, Translators.standard().forFormat(p.format()),
                        crypto.profile(p.cryptoProfile()), crypto.policy(), keys, b.archiving ? archiveOf(p.id()) : null,
                        b.behaviour.getOrDefault(p.id(), inbound -> SimBehaviour.wellBehaved()).apply(inbound()),
                        Clock.systemUTC());
                sim.start(p.channel().endpoint().getPort());
                sims.put(p.id(), sim);
            }
        }
        gateway.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static RunningGateway start() throws IOException {
        return builder().start();
    }

    public PartnerSimulator sim(String partnerId) {
        return sims.get(partnerId);
    }

    /** Where a simulated partner keeps the raw messages it received (with {@link Builder#archiving()}). */
    public Path archiveOf(String partnerId) {
        return dir.resolve("archive-" + partnerId);
    }

    /** The copies of the partner profiles this gateway runs on (endpoints on free ports). */
    public Path profiles() {
        return dir.resolve("profiles");
    }

    /** The drop folder the gateway watches. */
    public Path inbox() {
        return dir.resolve("data").resolve("inbox");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public URI inbound() {
        return URI.create(baseUrl() + "/exchange/v1/inbound");
    }

    /** A simulator for any profile (one the gateway knows or not), with this gateway's keys. */
    public PartnerSimulator simulatorFor(PartnerProfile p, SimBehaviour behaviour) {
        return new PartnerSimulator(p, Translators.standard().forFormat(p.format()), crypto.profile(p.cryptoProfile()),
                crypto.policy(), keys, null, behaviour, Clock.systemUTC());
    }

    @Override
    public void close() {
        gateway.close();
        sims.values().forEach(PartnerSimulator::close);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Builder {
        private UnaryOperator<String> profileEdit = UnaryOperator.identity();
        private final Map<String, Function<URI, SimBehaviour>> behaviour = new HashMap<>();
        private final Set<String> withoutSimulator = new HashSet<>();
        private Duration deliveryTimeout = GatewaySettings.DEFAULT_DELIVERY_TIMEOUT;
        private boolean archiving;
        private java.util.function.Consumer<Path> keysEdit = k -> { };

        /** Changes the generated keys folder before the gateway loads it (expire or revoke a certificate). */
        public Builder keys(java.util.function.Consumer<Path> edit) {
            this.keysEdit = edit;
            return this;
        }

        /** Simulated partners keep every raw message they receive, see {@link RunningGateway#archiveOf}. */
        public Builder archiving() {
            this.archiving = true;
            return this;
        }

        /** Edits each shipped profile's YAML (after its endpoint moved to a free port). */
        public Builder profiles(UnaryOperator<String> edit) {
            this.profileEdit = edit;
            return this;
        }

        /** How one simulated partner behaves; the function gets the gateway's inbound URL (for late receipts). */
        public Builder behaviour(String partnerId, Function<URI, SimBehaviour> b) {
            behaviour.put(partnerId, b);
            return this;
        }

        /** No simulator for this partner: the test plays it (Citrus). */
        public Builder withoutSimulator(String partnerId) {
            withoutSimulator.add(partnerId);
            return this;
        }

        public Builder deliveryTimeout(Duration d) {
            this.deliveryTimeout = d;
            return this;
        }

        public RunningGateway start() throws IOException {
            return new RunningGateway(this);
        }
    }
}
