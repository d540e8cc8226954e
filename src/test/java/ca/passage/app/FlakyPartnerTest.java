package ca.passage.app;

import ca.passage.crypto.CryptoConfig;
import ca.passage.crypto.DevPki;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.ledger.ExchangeRecord;
import ca.passage.ledger.ExchangeState;
import ca.passage.partner.PartnerProfile;
import ca.passage.sim.PartnerSimulator;
import ca.passage.sim.SimBehaviour;
import ca.passage.translate.Translators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners that fail, hang, drop or delay their receipts. Retry policies are shortened (copies of the shipped
 * profiles) so that the whole story plays out in seconds: each exchange ends ACKNOWLEDGED after retries, or FAILED
 * with the reason once the partner's limit is hit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlakyPartnerTest {

    private Path dir;
    private Gateway gateway;
    private final Map<String, PartnerSimulator> sims = new HashMap<>();
    private String baseUrl;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("passage-flaky");
        Path profiles = dir.resolve("profiles");
        Files.createDirectories(profiles);
        try (Stream<Path> shipped = Files.list(Path.of("partner-profiles"))) {
            for (Path p : shipped.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.writeString(profiles.resolve(p.getFileName()), Files.readString(p)
                        .replace("initialDelay: PT1S", "initialDelay: PT0.2S")
                        .replace("maxDelay: PT1M", "maxDelay: PT0.5S")
                        .replace("maxAttempts: 6", "maxAttempts: 4")
                        .replace("acknowledgementTimeout: PT2M", "acknowledgementTimeout: PT1S"));
            }
        }
        Path keys = dir.resolve("keys");
        CryptoConfig crypto = CryptoConfig.load(Path.of("crypto-config"));
        int port = freePort();
        gateway = new Gateway(new GatewaySettings(dir.resolve("data"), profiles, Path.of("crypto-config"), keys, port,
                freePort(), null, null, "sa", "", Duration.ofSeconds(1)));
        new DevPki().init(keys, gateway.partners().all().stream()
                .map(p -> PartnerKeySpec.of(p.id(), crypto.profile(p.cryptoProfile()))).toList());
        baseUrl = "http://localhost:" + port;
        URI inbound = URI.create(baseUrl + "/exchange/v1/inbound");
        Map<String, SimBehaviour> behaviour = Map.of(
                "interpol-hub", SimBehaviour.wellBehaved().droppingReceiptsFirst(1),
                "eu-agency", SimBehaviour.wellBehaved().failingFirst(1).stallingFirst(1, Duration.ofSeconds(3))
                        .asyncReceiptsTo(inbound),
                "us-hsi", SimBehaviour.wellBehaved().failingFirst(1_000));
        for (PartnerProfile p : gateway.partners().all()) {
            PartnerSimulator sim = new PartnerSimulator(p, Translators.standard().forFormat(p.format()),
                    crypto.profile(p.cryptoProfile()), crypto.policy(), keys, null, behaviour.get(p.id()), Clock.systemUTC());
            sim.start(p.channel().endpoint().getPort());
            sims.put(p.id(), sim);
        }
        gateway.start();
        HttpResponse<String> r = post(Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    @AfterAll
    void stop() throws IOException {
        gateway.close();
        sims.values().forEach(PartnerSimulator::close);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void partnerThatDropsAReceiptGetsTheSameMessageAgainAfterItsTimeoutAndAcknowledges() throws Exception {
        ExchangeRecord e = awaitFinal("interpol-hub");
        assertThat(e.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(sims.get("interpol-hub").distinctMessages()).isEqualTo(1);
        assertThat(sims.get("interpol-hub").duplicateMessages()).isEqualTo(1);
    }

    @Test
    void partnerThatFailsThenHangsThenReceiptsAsynchronouslyEndsAcknowledged() throws Exception {
        ExchangeRecord e = awaitFinal("eu-agency");
        assertThat(e.state()).isEqualTo(ExchangeState.ACKNOWLEDGED);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(e.receiptDigest()).hasSize(64);
    }

    @Test
    void partnerThatAlwaysFailsEndsFailedWithTheLastErrorAfterItsLimit() throws Exception {
        ExchangeRecord e = awaitFinal("us-hsi");
        assertThat(e.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(e.lastError()).contains("retry limit reached", "HTTP 500");
    }

    private ExchangeRecord awaitFinal(String partner) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        ExchangeRecord e = null;
        while (Instant.now().isBefore(deadline)) {
            e = gateway.store().exchangesOf("CA-2026-000102").stream()
                    .filter(x -> x.partnerId().equals(partner)).findFirst().orElseThrow();
            if (e.state().isFinal()) {
                return e;
            }
            Thread.sleep(100);
        }
        return e;
    }

    private HttpResponse<String> post(String xml) throws IOException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/notices"))
                    .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
