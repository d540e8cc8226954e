package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.store.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Ledger benchmark (not a test): appends per second with chain and checkpoints on, on H2 (file) and on
 * PostgreSQL, then the time to verify a chain of one million events on H2. Run with
 * {@code scripts/bench-ledger.sh [appends] [verifyEvents]}, which runs {@link #run()} through Surefire (the class
 * name matches no Surefire include pattern, and it only runs with {@code -Dbench.ledger=true}, so test runs,
 * even {@code -Dtest='ca.passage.ledger.**'}, never spend minutes on it).
 */
public final class LedgerBenchmark {

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.ledger", matches = "true")
    void run() throws Exception {
        main(new String[]{System.getProperty("bench.appends", "20000"),
                System.getProperty("bench.verifyEvents", "1000000")});
    }

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int verifyEvents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        TestKeys keys = TestKeys.generate();
        CheckpointPolicy policy = CheckpointPolicy.DEFAULT; // every 1000 events or 5 minutes
        System.out.printf(Locale.ROOT, "checkpoint policy: every %d events or %s; key EC P-256 SHA256withECDSA%n",
                policy.everyEvents(), policy.maxAge());
        Path dir = Files.createTempDirectory("ledger-bench");
        try {
            try (Database h2 = Database.open(Database.h2Url(dir.resolve("h2")), "sa", "")) {
                appendRun("H2 file", h2, keys, policy, appends, 1);
                appendRun("H2 file", h2, keys, policy, appends, 4);
            }
            try (TestDb pg = TestDb.create(TestDb.Backend.POSTGRES)) {
                appendRun("PostgreSQL", pg.db, keys, policy, appends, 1);
                appendRun("PostgreSQL", pg.db, keys, policy, appends, 4);
                Database nodeB = pg.openPool();
                appendTwoNodes(pg.db, nodeB, keys, policy, appends);
            }
            try (Database big = Database.open(Database.h2Url(dir.resolve("big")), "sa", "")) {
                long t0 = System.nanoTime();
                bulkChain(big, keys, verifyEvents, policy.everyEvents());
                double fill = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "H2: wrote a chain of %,d events + %,d checkpoints in %.1f s%n",
                        verifyEvents, verifyEvents / policy.everyEvents(), fill);
                for (int i = 0; i < 2; i++) {
                    long t1 = System.nanoTime();
                    VerificationResult r = new LedgerVerifier(keys.verifier()).verify(big.dataSource());
                    double s = (System.nanoTime() - t1) / 1e9;
                    System.out.printf(Locale.ROOT, "H2: verify %,d events (run %d): %.1f s (%,.0f events/s) -> %s%n",
                            r.events(), i + 1, s, r.events() / s, r.summary());
                    if (!r.intact()) {
                        throw new IllegalStateException("benchmark chain not intact");
                    }
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void appendRun(String name, Database db, TestKeys keys, CheckpointPolicy policy, int n,
                                  int threads) throws Exception {
        AuditLedger ledger = new AuditLedger(db.dataSource(), Clock.systemUTC(), keys.signer(), policy);
        for (int i = 0; i < 2000; i++) { // warm-up
            ledger.append(Events.sent(i));
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int i = 0; i < n / threads; i++) {
                    ledger.append(Events.sent(i));
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        ledger.close();
        System.out.printf(Locale.ROOT, "%s: %,d appends (own transaction each), %d thread(s): %.1f s = %,.0f appends/s%n",
                name, n, threads, s, n / s);
    }

    private static void appendTwoNodes(Database a, Database b, TestKeys keys, CheckpointPolicy policy, int n)
            throws Exception {
        AuditLedger la = new AuditLedger(a.dataSource(), Clock.systemUTC(), keys.signer(), policy);
        AuditLedger lb = new AuditLedger(b.dataSource(), Clock.systemUTC(), keys.signer(), policy);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            AuditLedger l = t % 2 == 0 ? la : lb;
            fs.add(pool.submit(() -> {
                for (int i = 0; i < n / 4; i++) {
                    l.append(Events.sent(i));
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        la.close();
        lb.close();
        System.out.printf(Locale.ROOT, "PostgreSQL: %,d appends from 2 ledgers on separate pools, 4 threads: %.1f s = "
                + "%,.0f appends/s%n", n, s, n / s);
        VerificationResult r = new LedgerVerifier(keys.verifier()).verify(a.dataSource());
        System.out.println("PostgreSQL after the run: " + r.summary());
    }

    /** Writes a valid chain directly in batches (same canonical form and signer as the ledger) for the verify run. */
    private static void bulkChain(Database db, TestKeys keys, int n, int every) throws Exception {
        CheckpointSigner signer = keys.signer();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        String prev = ChainHash.GENESIS;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(LedgerRows.INSERT)) {
                for (int i = 1; i <= n; i++) {
                    AuditEvent e = Events.sent(i).withTime(base.plus(Duration.ofMillis(i)));
                    String h = ChainHash.hash(prev, e);
                    LedgerRows.bindInsert(ps, i, e, prev, h);
                    ps.addBatch();
                    prev = h;
                    if (i % every == 0) {
                        ps.executeBatch();
                        LedgerRows.insertCheckpoint(c, signer.sign(i, h, base.plus(Duration.ofMillis(i))));
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_chain_head SET head_seq = ?, head_hash = ?, last_checkpoint_seq = ? WHERE id = 1")) {
                ps.setLong(1, n);
                ps.setString(2, prev);
                ps.setLong(3, (long) (n / every) * every);
                ps.executeUpdate();
            }
            c.commit();
        }
    }
}
