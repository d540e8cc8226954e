package ca.passage.store;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.outbound.QueueItem;
import ca.passage.outbound.QueueSteps;
import ca.passage.outbound.Queueable;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time per notice of the store's share of intake, on an H2 file database in a temp folder (and, with argument
 * {@code pg}, on the PostgreSQL of the tests): what {@code NoticeIntake} and the route {@code direct:enqueue} ask of
 * the store for a notice for 3 partners (the duplicate check, {@link ExchangeStore#storeNotice} with its 4 audit
 * events, then {@link QueueSteps#markQueued} RECEIVED → QUEUED with 3 more), on 1 and on 8 threads. Reported: the
 * CPU of the calling threads per notice (where embedded H2 does its work) and the whole JVM's CPU per notice
 * (adds H2's and the pool's own threads, GC and JIT). The chain is verified at the end. Run:
 * {@code mvn -Pbench test-compile exec:exec -Dbench.main=ca.passage.store.StoreCpuTime -Dbench.args="h2 pg"}
 * (system property {@code store.threads}, default {@code 1,8}: the thread counts to run).
 */
public final class StoreCpuTime {

    private static final int WARM_UP = 3000;
    private static final int MEASURED = 3000;
    private static final String[] PARTNERS = {"interpol-hub", "us-hsi", "eu-agency"};
    private static final byte[] CONTENT = ("<notice>" + "x".repeat(4000) + "</notice>").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        List<String> backends = args.length == 0 ? List.of("h2") : List.of(args);
        TestKeys keys = TestKeys.generate();
        for (String backend : backends) {
            for (String threadCount : System.getProperty("store.threads", "1,8").split(",")) {
                int threads = Integer.parseInt(threadCount.trim());
                Path dir = Files.createTempDirectory("store-bench");
                try (TestDb pg = backend.equals("pg") ? TestDb.create(TestDb.Backend.POSTGRES) : null;
                     Database h2 = pg == null ? Database.open(Database.h2Url(dir), "sa", "") : null) {
                    Database db = pg == null ? h2 : pg.db;
                    run(backend, db, keys, threads);
                } finally {
                    try (var walk = Files.walk(dir)) {
                        walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
    }

    private static void run(String backend, Database db, TestKeys keys, int threads) throws Exception {
        Clock clock = Clock.systemUTC();
        AuditLedger ledger = new AuditLedger(db.dataSource(), clock, keys.signer());
        ExchangeStore store = new ExchangeStore(db.dataSource(), ledger, clock);
        QueueSteps queue = new QueueSteps(store, new DomesticResponseStore(db.dataSource(), ledger, clock), clock,
                Duration.ofMinutes(1));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            rounds(pool, threads, WARM_UP, store, queue, new AtomicLong());
            AtomicLong callerCpu = new AtomicLong();
            long written0 = h2WrittenBytes(db);
            long process0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            rounds(pool, threads, MEASURED, store, queue, callerCpu);
            double wall = (System.nanoTime() - wall0) / 1e9;
            long process = os.getProcessCpuTime() - process0;
            long written = h2WrittenBytes(db) - written0;
            System.out.printf(Locale.ROOT, "%-3s %d thread(s): %.3f ms CPU per notice in the callers, %.3f ms in the JVM, "
                            + "%s (%.0f notices/s wall, shared machine)%n", backend, threads,
                    callerCpu.get() / 1e6 / MEASURED, process / 1e6 / MEASURED,
                    written0 < 0 ? "PostgreSQL" : String.format(Locale.ROOT, "%.1f KB written by H2", written / 1024.0 / MEASURED),
                    MEASURED / wall);
        } finally {
            pool.shutdown();
        }
        var verified = new LedgerVerifier(keys.verifier()).verify(db.dataSource());
        if (!verified.intact() || verified.events() != (long) (WARM_UP + MEASURED) * 7) {
            throw new IllegalStateException("chain after the run: " + verified.summary());
        }
        ledger.close();
    }

    /**
     * What H2's store has written to its file so far ({@code info.FILE_WRITE_BYTES}), -1 on PostgreSQL: the bytes of
     * the pages each commit serialises, which the load on a shared machine does not change as it changes CPU time.
     */
    private static long h2WrittenBytes(Database db) throws java.sql.SQLException {
        try (var c = db.dataSource().getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
                return -1;
            }
            try (var ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'"); var rs = ps.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        }
    }

    private static void rounds(ExecutorService pool, int threads, int notices, ExchangeStore store, QueueSteps queue,
                               AtomicLong cpu) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = notices / threads + (t < notices % threads ? 1 : 0);
            done.add(pool.submit(() -> {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < share; i++) {
                    oneNotice(store, queue);
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - t0);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** The store's work for one accepted notice for three partners, as intake and direct:enqueue do it. */
    private static void oneNotice(ExchangeStore store, QueueSteps queue) {
        String noticeId = "N-" + UUID.randomUUID();
        if (store.noticeExists(noticeId)) {
            throw new IllegalStateException("duplicate " + noticeId);
        }
        Instant now = Instant.now();
        NoticeRecord notice = new NoticeRecord(noticeId, "F-1", 1, "NOTICE", "HIGH", "H1", "MLAT", "officer-7", now,
                "d".repeat(64), CONTENT, "NOT_REQUIRED", null, null, null);
        List<ExchangeRecord> exchanges = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(now, "officer-7", AuditAction.NOTICE_RECEIVED).withNotice(noticeId)
                .withDisclosure("MLAT", "H1").withDigest("d".repeat(64)).withOutcome("ACCEPTED", null));
        List<QueueItem> items = new ArrayList<>();
        for (String partner : PARTNERS) {
            String exchangeId = "X-" + UUID.randomUUID();
            String messageId = exchangeId.substring(2) + "@passage.gc.ca";
            exchanges.add(new ExchangeRecord(exchangeId, noticeId, partner, Direction.OUT, ExchangeState.RECEIVED,
                    messageId, noticeId, 0, null, null, null, now, now, null, null));
            events.add(AuditEvent.exchange(now, "officer-7", AuditAction.EXCHANGE_CREATED, noticeId, exchangeId,
                    messageId, partner).withOutcome("RECEIVED", null));
            items.add(QueueItem.notice(partner, exchangeId));
        }
        store.storeNotice(notice, exchanges, events);
        queue.markQueued(Queueable.of(items));
    }
}
