package ca.passage.cli;

import ca.passage.app.Gateway;
import ca.passage.devtools.pki.DevPki;
import ca.passage.store.Direction;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.ledger.VerificationResult;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerRegistry;
import ca.passage.devtools.sim.PartnerSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Everything embedded in one process: a fresh data folder and development keys, the three simulated partners on
 * loopback, the gateway. Submits every sample notice through the REST API, waits for every exchange to close, checks
 * the audit chain and prints a summary. Exit 0 only when every exchange is ACKNOWLEDGED and the chain is intact.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the gateway with simulated partners, send the sample notices, wait for every receipt.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--samples", defaultValue = "samples/notices", description = "notices to send; default: ${DEFAULT-VALUE}")
    Path samples;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait for receipts; default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Option(names = "--stay", description = "keep the gateway and the simulated partners running after the summary, "
            + "for the web console (Ctrl-C stops them)")
    boolean stay;

    @Override
    public Integer call() throws Exception {
        Path dataDir = config.data.resolve("demo");
        deleteRecursively(dataDir);
        Path keys = dataDir.resolve("keys");
        System.out.println("1/5 development keys in " + keys);
        new DevPki().init(keys, KeysCommand.specs(config));

        PartnerRegistry partners = Partners.registry(config.dirs.profiles, config.dirs.cryptoConfig);
        List<PartnerSimulator> sims = new ArrayList<>();
        try (Gateway gateway = new Gateway(config.settings(dataDir, keys))) {
            System.out.println("2/5 simulated partners on loopback");
            for (PartnerProfile p : partners.all()) {
                PartnerSimulator sim = Partners.simulator(config.dirs.profiles, config.dirs.cryptoConfig, keys, p.id(), null, ca.passage.devtools.sim.SimBehaviour.wellBehaved());
                sim.start(p.channel().endpoint().getPort());
                sims.add(sim);
                System.out.printf("    %-14s %s%n", p.id(), p.channel().endpoint());
            }
            System.out.println("3/5 gateway: officers on https://localhost:" + config.port + ", partners (mutual TLS) on https://localhost:"
                    + config.partnerPort + "/exchange/v1/inbound");
            gateway.start();

            List<Path> files;
            try (Stream<Path> s = Files.list(samples)) {
                files = s.filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json")).sorted().toList();
            }
            System.out.println("4/5 sending " + files.size() + " sample notice(s)");
            Path users = keys.resolve(ca.passage.crypto.KeyDirectory.USERS);
            String url = "https://localhost:" + config.port;
            GatewayClient client = new GatewayClient(GatewayConnection.of(url, keys.resolve("ca.cert.pem"),
                    users.resolve("officer1.cert.pem"), users.resolve("officer1.key.pem")));
            GatewayClient supervisor = new GatewayClient(GatewayConnection.of(url, keys.resolve("ca.cert.pem"),
                    users.resolve("supervisor1.cert.pem"), users.resolve("supervisor1.key.pem")));
            Instant started = Instant.now();
            for (Path f : files) {
                boolean json = f.toString().endsWith(".json");
                GatewayClient.Answer a = client.post("/api/v1/notices", json ? "application/json" : "application/xml",
                        Files.readAllBytes(f));
                System.out.printf("    %-48s HTTP %d%n", f.getFileName(), a.status());
                if (a.status() != 202) {
                    System.out.println("    " + a.body());
                    return 1;
                }
            }
            List<String> held = gateway.store().search(null, ExchangeState.PENDING_APPROVAL, 10_000).stream()
                    .map(ExchangeRecord::noticeId).distinct().sorted().toList();
            for (String noticeId : held) {
                GatewayClient.Answer a = supervisor.post("/api/v1/notices/" + noticeId + "/approval", "application/json",
                        "{\"decision\":\"APPROVE\"}".getBytes());
                System.out.printf("    %-48s approved by supervisor1 (HTTP %d)%n", noticeId, a.status());
            }
            System.out.println("    partners send their own notices to Canada:");
            java.net.URI inbound = java.net.URI.create("https://localhost:" + config.partnerPort + "/exchange/v1/inbound");
            for (int i = 0; i < sims.size(); i++) {
                PartnerSimulator sim = sims.get(i);
                String partnerId = partners.all().stream().toList().get(i).id();
                String xml = Files.readString(files.get(i % files.size()))
                        .replaceAll("<noticeId>[^<]+</noticeId>", "<noticeId>" + partnerId.toUpperCase() + "-2026-0001</noticeId>");
                PartnerSimulator.SendResult r = sim.send(inbound,
                        sim.sealNotice(ca.passage.notice.NoticeMappers.xml().readValue(xml, ca.passage.notice.CaseNotice.class)));
                System.out.printf("    %-14s -> Canada: HTTP %d, gateway receipt %s%n", partnerId, r.status(),
                        r.receiptVerified() ? "verified" : "NOT verified");
                if (!r.receiptVerified()) {
                    return 1;
                }
            }
            List<ExchangeRecord> all = waitForClosure(gateway, started);
            System.out.println("5/5 results");
            System.out.printf("    %-40s %-4s %-14s %-16s %8s %s%n", "NOTICE", "DIR", "PARTNER", "STATE", "ATTEMPTS", "ROUND TRIP");
            all.sort(Comparator.comparing(ExchangeRecord::noticeId).thenComparing(ExchangeRecord::partnerId));
            for (ExchangeRecord e : all) {
                String rtt = e.closedAt() == null ? "-" : Duration.between(e.createdAt(), e.closedAt()).toMillis() + " ms";
                System.out.printf("    %-40s %-4s %-14s %-16s %8d %s%n", e.noticeId(), e.direction(), e.partnerId(), e.state(),
                        e.attempts(), rtt);
            }
            long outbound = all.stream().filter(e -> e.direction() == Direction.OUT).count();
            long acknowledged = all.stream().filter(e -> e.state() == ExchangeState.ACKNOWLEDGED).count();
            long inboundReceived = all.stream().filter(e -> e.state() == ExchangeState.RECEIVED_INBOUND).count();
            gateway.checkpointAuditChain();
            VerificationResult chain = new LedgerVerifier(gateway.checkpointVerifier()).verify(gateway.dataSource());
            System.out.printf("%d/%d outbound exchanges ACKNOWLEDGED, %d/%d inbound notices received; audit chain: %s%n",
                    acknowledged, outbound, inboundReceived, sims.size(), chain.summary());
            System.out.println("call the API as the demo officer (TLS client certificate):");
            System.out.println("    curl --cacert " + keys.resolve("ca.cert.pem") + " --cert " + users.resolve("officer1.cert.pem")
                    + " --key " + users.resolve("officer1.key.pem") + " " + url + "/api/v1/exchanges?limit=5");
            System.out.println("    ./passage status --url " + url + " --ca " + keys.resolve("ca.cert.pem") + " --cert "
                    + users.resolve("officer1.cert.pem") + " --key " + users.resolve("officer1.key.pem"));
            Path p12 = users.resolve("officer1.p12");
            System.out.println("the web console: " + url + "/console/ (sign in with a development user's client certificate):");
            System.out.println("    import " + p12 + " into the browser (password: "
                    + Files.readString(users.resolve("officer1.p12.password")).strip() + ", also in " + p12 + ".password)");
            System.out.println("    and trust " + keys.resolve("ca.cert.pem") + " for websites; supervisor1, operator1 and auditor1"
                    + " have the same files beside it");
            int outcome = acknowledged == outbound && inboundReceived == sims.size() && chain.intact() ? 0 : 1;
            if (stay) {
                System.out.println("    the gateway keeps running for the console; Ctrl-C stops it");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    sims.forEach(PartnerSimulator::close);
                    gateway.close();
                }));
                Thread.currentThread().join();
            }
            System.out.println("    (the demo's gateway stops when the demo ends: keep it with ./passage demo --stay, or start one"
                    + " on the demo's data with ./passage run --data " + config.data + "/demo --keys " + keys + ")");
            return outcome;
        } finally {
            sims.forEach(PartnerSimulator::close);
        }
    }

    private List<ExchangeRecord> waitForClosure(Gateway gateway, Instant started) throws InterruptedException {
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (gateway.store().open().isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        return new ArrayList<>(gateway.store().search(null, null, 10_000));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
