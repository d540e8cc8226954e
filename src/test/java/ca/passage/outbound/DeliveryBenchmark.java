package ca.passage.outbound;

import ca.passage.store.ExchangeState;
import ca.passage.testing.RunningGateway;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivery benchmark (not a test): CPU time per exchange of the gateway and of the simulated partners, in one
 * process, end to end (REST intake → queue → translate → seal → post → the simulator opens, reads, seals its receipt
 * → the gateway verifies it → ACKNOWLEDGED). Sample notice 02 goes to the three shipped partners. After a warm-up,
 * each round submits N notices and waits until all their exchanges are ACKNOWLEDGED; the CPU of every Java thread is
 * read before and after and split by thread: the simulators' ({@code partner-sim-*} and the JDK HTTP server's
 * dispatcher), the load client's (this thread and the client's own HTTP threads, not counted), and the rest, the
 * gateway (intake included); then per partner, its outbound route's threads and its simulator's. GC and JIT threads
 * are not Java threads: they show as the process total minus the Java threads.
 * Run: {@code mvn -B -ntp -q test -Dtest=DeliveryBenchmark -Dbench.delivery=true [-Dbench.notices=100 -Dbench.rounds=3]}
 * (the class name matches no Surefire include pattern, and it only runs with {@code -Dbench.delivery=true}).
 */
public final class DeliveryBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Camel's name for the threads of a partner's outbound route: "... JmsConsumer[outbound.us-hsi]". */
    private static final java.util.regex.Pattern OUTBOUND_CONSUMER =
            java.util.regex.Pattern.compile("JmsConsumer\\[outbound\\.([a-z0-9-]+)]");

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.delivery", matches = "true")
    void run() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 60);
        int notices = Integer.getInteger("bench.notices", 100);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int consumers = Integer.getInteger("bench.consumers", 2);
        String template = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"), StandardCharsets.UTF_8);
        try (RunningGateway running = RunningGateway.builder()
                .profiles(yaml -> yaml.replaceFirst("(?m)^(  endpoint: .*)$", "  consumers: " + consumers + "\n$1"))
                .start()) {
            Set<String> before = threadNames();
            HttpClient http = running.as("officer1");
            // the load client's own HTTP threads are those of the HttpClient made just now: HttpClient-<n>-...
            String clientPrefix = threadNames().stream().filter(n -> !before.contains(n))
                    .filter(n -> n.matches("HttpClient-\\d+-SelectorManager")).findFirst().orElseThrow()
                    .replace("SelectorManager", "");
            ExecutorService clients = Executors.newFixedThreadPool(4, r -> new Thread(r, "bench-client"));
            submit(running, http, clients, template, "WARM", warmup);
            System.out.printf(Locale.ROOT, "bench: %d notices x %d partners per round, %d consumers per partner%n",
                    notices, running.gateway.partners().all().size(), consumers);
            for (int round = 1; round <= rounds; round++) {
                Map<Long, Long> cpu0 = cpuByThread();
                long process0 = processCpu();
                long started0 = THREADS.getTotalStartedThreadCount();
                long gc0 = gcMillis();
                int exchanges = submit(running, http, clients, template, "R" + round, notices);
                long process = processCpu() - process0;
                long started = THREADS.getTotalStartedThreadCount() - started0;
                long gc = gcMillis() - gc0;
                Map<Long, Long> cpu1 = cpuByThread();
                long sim = 0;
                long gateway = 0;
                long client = 0;
                long java = 0;
                Map<String, Long> deliveryByPartner = new java.util.TreeMap<>();
                Map<String, Long> simByPartner = new java.util.TreeMap<>();
                for (Map.Entry<Long, Long> e : cpu1.entrySet()) {
                    long used = e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
                    java += used;
                    ThreadInfo info = THREADS.getThreadInfo(e.getKey());
                    String name = info == null ? "" : info.getThreadName();
                    if (e.getKey() == Thread.currentThread().getId() || name.equals("bench-client")
                            || name.startsWith(clientPrefix)) {
                        client += used;
                    } else if (name.startsWith("partner-sim-") || name.startsWith("HTTP-Dispatcher")) {
                        sim += used;
                        if (name.startsWith("partner-sim-")) {
                            simByPartner.merge(name.replaceFirst("^partner-sim-(.*)-\\d+$", "$1"), used, Long::sum);
                        }
                    } else {
                        gateway += used;
                        java.util.regex.Matcher consumer = OUTBOUND_CONSUMER.matcher(name);
                        if (consumer.find()) {
                            deliveryByPartner.merge(consumer.group(1), used, Long::sum);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "bench round %d: %d exchanges; CPU ms per exchange: gateway %.1f, "
                                + "simulators %.1f, together %.1f; (load client %.1f, GC+JIT+exited threads %.1f, "
                                + "process %.1f); GC pauses %.1f ms per exchange, %d threads started%n", round,
                        exchanges, ms(gateway, exchanges), ms(sim, exchanges), ms(gateway + sim, exchanges),
                        ms(client, exchanges), ms(process - java, exchanges), ms(process, exchanges),
                        (double) gc / Math.max(1, exchanges), started);
                int perPartner = exchanges / Math.max(1, deliveryByPartner.size());
                for (String partner : deliveryByPartner.keySet()) {
                    System.out.printf(Locale.ROOT, "bench round %d %s: outbound route %.1f ms, its simulator %.1f ms "
                                    + "per exchange%n", round, partner, ms(deliveryByPartner.get(partner), perPartner),
                            ms(simByPartner.getOrDefault(partner, 0L), perPartner));
                }
            }
            clients.shutdown();
        }
    }

    /** Submits {@code count} distinct notices from the client pool and waits until every exchange is ACKNOWLEDGED. */
    private static int submit(RunningGateway running, HttpClient http, ExecutorService clients, String template,
                              String prefix, int count) throws Exception {
        List<Future<String>> sent = new ArrayList<>();
        String run = prefix + Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase(Locale.ROOT);
        for (int i = 0; i < count; i++) {
            String id = "CA-2026-" + run + i;
            String body = template.replaceFirst("<noticeId>[^<]*</noticeId>", "<noticeId>" + id + "</noticeId>")
                    .replaceFirst("<nationalFileNumber>[^<]*</nationalFileNumber>",
                            "<nationalFileNumber>NF-" + run + i + "</nationalFileNumber>");
            sent.add(clients.submit(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/v1/notices"))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("notice " + id + " answered " + r.statusCode() + ": " + r.body());
                }
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : sent) {
            ids.add(f.get());
        }
        int exchanges = 0;
        for (String id : ids) {
            while (true) {
                var all = running.gateway.store().exchangesOf(id);
                if (!all.isEmpty() && all.stream().allMatch(e -> e.state() == ExchangeState.ACKNOWLEDGED)) {
                    exchanges += all.size();
                    break;
                }
                if (all.stream().anyMatch(e -> e.state() == ExchangeState.FAILED || e.state() == ExchangeState.REJECTED)) {
                    throw new IllegalStateException("notice " + id + " did not get through: " + all);
                }
                Thread.sleep(200); // polling the store, not timing anything
            }
        }
        return exchanges;
    }

    private static Set<String> threadNames() {
        Set<String> names = new HashSet<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                names.add(info.getThreadName());
            }
        }
        return names;
    }

    private static Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double ms(long nanos, int exchanges) {
        return nanos / 1e6 / Math.max(1, exchanges);
    }
}
