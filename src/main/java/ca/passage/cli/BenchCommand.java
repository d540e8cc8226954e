package ca.passage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load client of the throughput benchmark (scripts/bench-load.sh starts the stack around it): submits N distinct
 * notices from C concurrent REST clients, then, end to end, waits until every exchange is ACKNOWLEDGED. Prints one
 * JSON object with the intake rate and latencies and, end to end, the rates and intake-to-acknowledgement latencies
 * (from the gateway's own createdAt/closedAt of each exchange).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load client for scripts/bench-load.sh: N distinct notices from C REST clients against a running gateway.")
public final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    GatewayConnection gateway;

    @Option(names = "--notices", defaultValue = "300", description = "distinct notices to submit; default: ${DEFAULT-VALUE}")
    int notices;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent REST clients; default: ${DEFAULT-VALUE}")
    int clients;

    @Option(names = "--sample", defaultValue = "samples/notices/02-red-labour-suspect.xml",
            description = "notice used as template (its noticeId and nationalFileNumber are made unique); default: ${DEFAULT-VALUE}")
    Path sample;

    @Option(names = "--id-prefix", defaultValue = "BENCH", description = "prefix of the generated notice ids")
    String idPrefix;

    @Option(names = "--intake-only", description = "do not wait for acknowledgements (partners suspended)")
    boolean intakeOnly;

    @Option(names = "--also-url", paramLabel = "URL", description = "another node of the same gateway (one broker, one "
            + "database): client i submits to node i mod the number of nodes, --url first; repeatable")
    List<String> otherNodes = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "PT10M", description = "how long to wait for every ACKNOWLEDGED; default: ${DEFAULT-VALUE}")
    Duration timeout;


    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        String template = Files.readString(sample, StandardCharsets.UTF_8);
        GatewayClient http = new GatewayClient(gateway);
        List<GatewayClient> nodes = new ArrayList<>(List.of(http));
        for (String url : otherNodes) {
            nodes.add(new GatewayClient(GatewayConnection.of(url, gateway.ca, gateway.cert, gateway.key)));
        }
        List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger exchanges = new AtomicInteger();
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            GatewayClient node = nodes.get(c % nodes.size());
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < notices; i = next.getAndIncrement()) {
                    String id = idPrefix + "-" + runId + "-" + i;
                    String body = template.replaceFirst("<noticeId>[^<]*</noticeId>", "<noticeId>" + id + "</noticeId>")
                            .replaceFirst("<nationalFileNumber>[^<]*</nationalFileNumber>",
                                    "<nationalFileNumber>NF-" + id + "</nationalFileNumber>");
                    long s = System.nanoTime();
                    try {
                        GatewayClient.Answer r = node.post("/api/v1/notices", "application/xml",
                                body.getBytes(StandardCharsets.UTF_8));
                        latenciesNanos.add(System.nanoTime() - s);
                        if (r.status() != 202) {
                            failed.incrementAndGet();
                            System.err.println("bench: " + id + " answered " + r.status() + ": " + r.body());
                        } else {
                            exchanges.addAndGet(json.readTree(r.body()).path("exchanges").size());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("bench: " + id + " failed: " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double intakeSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("notices", notices);
        out.put("clients", clients);
        out.put("nodes", nodes.size());
        out.put("refused", failed.get());
        out.put("exchanges", exchanges.get());
        out.put("intakeSeconds", round(intakeSeconds));
        out.put("intakeNoticesPerSecond", round(notices / intakeSeconds));
        List<Long> lat = new ArrayList<>(latenciesNanos);
        Collections.sort(lat);
        out.put("intakeP50Ms", round(percentile(lat, 50) / 1e6));
        out.put("intakeP95Ms", round(percentile(lat, 95) / 1e6));
        out.put("intakeP99Ms", round(percentile(lat, 99) / 1e6));
        if (!intakeOnly) {
            List<JsonNode> acked = awaitAcknowledged(http, exchanges.get(), start);
            if (acked.size() < exchanges.get()) {
                out.put("error", "only " + acked.size() + " of " + exchanges.get() + " exchanges ACKNOWLEDGED within " + timeout);
            }
            Instant last = start;
            List<Long> toAck = new ArrayList<>();
            for (JsonNode e : acked) {
                Instant created = Instant.parse(e.path("createdAt").asText());
                Instant closed = Instant.parse(e.path("closedAt").asText());
                toAck.add(Duration.between(created, closed).toMillis());
                if (closed.isAfter(last)) {
                    last = closed;
                }
            }
            Collections.sort(toAck);
            double e2eSeconds = Math.max(0.001, Duration.between(start, last).toMillis() / 1000.0);
            out.put("endToEndSeconds", round(e2eSeconds));
            out.put("endToEndNoticesPerSecond", round(notices / e2eSeconds));
            out.put("endToEndExchangesPerSecond", round(acked.size() / e2eSeconds));
            out.put("intakeToAckP50Ms", percentile(toAck, 50));
            out.put("intakeToAckP99Ms", percentile(toAck, 99));
        }
        System.out.println(json.writeValueAsString(out));
        return failed.get() == 0 && !out.containsKey("error") ? 0 : 1;
    }

    /** Every ACKNOWLEDGED exchange created since {@code start}, polled every 3 s until all are there. */
    private List<JsonNode> awaitAcknowledged(GatewayClient http, int expected, Instant start) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> acked = List.of();
        while (Instant.now().isBefore(deadline)) {
            GatewayClient.Answer r = http.get("/api/v1/exchanges?state=ACKNOWLEDGED&limit=10000");
            List<JsonNode> found = new ArrayList<>();
            if (r.status() == 200) {
                for (JsonNode e : json.readTree(r.body())) {
                    if (e.path("noticeId").asText().startsWith(idPrefix + "-")
                            && !Instant.parse(e.path("createdAt").asText()).isBefore(start.minusSeconds(1))) {
                        found.add(e);
                    }
                }
            }
            acked = found;
            if (acked.size() >= expected) {
                break;
            }
            // Polling interval of a load client: each poll reads every acknowledged exchange, which costs the gateway
            // CPU, and the end-to-end figures come from the gateway's own closedAt stamps, not from this loop.
            Thread.sleep(3000);
        }
        return acked;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
