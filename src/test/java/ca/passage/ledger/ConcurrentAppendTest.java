package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.store.Database;

import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two gateway nodes (separate pools, separate ledgers) appending to one PostgreSQL make one chain. */
@Tag("process")
class ConcurrentAppendTest {

    static final TestKeys KEYS = TestKeys.generate();

    @Test
    void twoLedgersOnSeparatePoolsAppendingConcurrentlyProduceOneIntactChain() throws Exception {
        try (TestDb db = TestDb.create(Backend.POSTGRES)) {
            Database nodeB = db.openPool();
            AuditLedger a = new AuditLedger(db.ds(), Clock.systemUTC(), KEYS.signer(), CheckpointPolicy.everyEvents(25));
            AuditLedger b = new AuditLedger(nodeB.dataSource(), Clock.systemUTC(), KEYS.signer(),
                    CheckpointPolicy.everyEvents(25));
            int threadsPerNode = 3;
            int perThread = 60;
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 2 * threadsPerNode; t++) {
                AuditLedger ledger = t % 2 == 0 ? a : b;
                String node = t % 2 == 0 ? "node-a" : "node-b";
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(ledger.append(AuditEvent.of(null, node, AuditAction.DELIVERY_ATTEMPT).withOutcome("OK", null)));
                    }
                    return seqs;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            pool.shutdown();
            a.close();
            b.close();

            int total = 2 * threadsPerNode * perThread;
            assertThat(all).hasSize(total).doesNotHaveDuplicates();
            assertThat(all).allMatch(s -> s >= 1 && s <= total);
            VerificationResult r = new LedgerVerifier(KEYS.verifier()).verify(db.ds());
            assertThat(r.intact()).as(r.summary()).isTrue();
            assertThat(r.events()).isEqualTo(total);
            assertThat(r.checkpointsVerified()).isGreaterThanOrEqualTo(total / 25);
            // both nodes really wrote into the same chain
            assertThat(new AuditSearch(db.ds()).search(AuditQuery.all().actor("node-a")).total())
                    .isEqualTo(total / 2);
        }
    }
}
