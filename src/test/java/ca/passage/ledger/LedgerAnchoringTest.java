package ca.passage.ledger;

import ca.passage.cli.AuditCommand;
import ca.passage.devtools.pki.DevPki;
import ca.passage.store.Database;
import ca.passage.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger anchored outside the database: checkpoints where the cadence puts them (MISSING_CHECKPOINT
 * otherwise), signed by the ledger's own key and verifiable after rotation, and copied to a checkpoint log (and an
 * HTTP witness) that a database rewritten from scratch no longer matches.
 */
class LedgerAnchoringTest {

    @TempDir
    Path tmp;
    Path data;
    Path keys;
    Database db;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void keysAndDatabase() {
        data = tmp.resolve("data");
        keys = tmp.resolve("keys");
        new DevPki().init(keys, List.of());
        db = Database.open(Database.h2Url(data), "sa", "");
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private AuditLedger ledger(Clock clock, CheckpointPolicy policy) throws Exception {
        return new AuditLedger(db.dataSource(), clock, CheckpointSigner.fromKeysDir(keys, true), policy);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    private int audit(String... args) {
        CommandLine cmd = new CommandLine(new AuditCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[]{"--data", data.toString(), "--keys", keys.toString(), "--auditor", "aud-1"}, 0,
                all, args.length, 6);
        return cmd.execute(all);
    }

    @Test
    void deletingEveryCheckpointMakesVerifyExitOneWithMissingCheckpoint() throws Exception {
        AuditLedger ledger = ledger(Clock.systemUTC(), CheckpointPolicy.DEFAULT);
        for (int i = 1; i <= 5; i++) {
            ledger.append(Events.sent(i).withTime(Instant.now()));
        }
        ledger.close();
        assertThat(audit("verify")).as(err.toString()).isZero();

        sql("DELETE FROM audit_checkpoint");

        assertThat(audit("verify")).isEqualTo(1);
        assertThat(err.toString()).contains("MISSING_CHECKPOINT").contains("no checkpoint covers seq 1..5");
    }

    @Test
    void aCheckpointMissingFromTheCountCadenceIsNamedWithItsUncoveredRange() throws Exception {
        AuditLedger ledger = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(3));
        for (int i = 1; i <= 7; i++) {
            ledger.append(Events.sent(i));
        }
        ledger.close();
        LedgerVerifier verifier = new LedgerVerifier(CheckpointSigner.fromKeysDir(keys, false),
                CheckpointPolicy.everyEvents(3));
        assertThat(verifier.verify(db.dataSource()).intact()).isTrue();

        sql("DELETE FROM audit_checkpoint WHERE seq = 3");

        VerificationResult r = verifier.verify(db.dataSource());
        assertThat(r.kind()).isEqualTo(VerificationResult.Kind.MISSING_CHECKPOINT);
        assertThat(r.firstBrokenSeq()).isEqualTo(1);
        assertThat(r.summary()).contains("no checkpoint covers seq 1..5", "more than 3 events");
    }

    @Test
    void aCheckpointMissingFromTheTimeCadenceIsFound() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        CheckpointPolicy hourly = new CheckpointPolicy(1000, Duration.ofHours(1));
        AuditLedger ledger = ledger(clock, hourly);
        for (int i = 1; i <= 6; i++) {
            ledger.append(Events.sent(i).withTime(clock.instant()));
            clock.advance(Duration.ofMinutes(40));
        }
        assertThat(ledger.checkpoints()).extracting(Checkpoint::seq).containsExactly(3L, 6L);
        LedgerVerifier verifier = new LedgerVerifier(CheckpointSigner.fromKeysDir(keys, false), hourly);
        assertThat(verifier.verify(db.dataSource()).intact()).isTrue();

        sql("DELETE FROM audit_checkpoint WHERE seq = 3");

        VerificationResult r = verifier.verify(db.dataSource());
        assertThat(r.kind()).isEqualTo(VerificationResult.Kind.MISSING_CHECKPOINT);
        assertThat(r.summary()).contains("seq 1..5", "twice the checkpoint interval");
    }

    @Test
    void keysRotateThenVerifyExitsZeroWithCheckpointsOfBothLedgerKeys() throws Exception {
        AuditLedger before = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(2));
        for (int i = 1; i <= 3; i++) {
            before.append(Events.sent(i).withTime(Instant.now()));
        }
        before.close();

        new DevPki().rotate(keys);
        AuditLedger after = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(2));
        for (int i = 4; i <= 6; i++) {
            after.append(Events.sent(i).withTime(Instant.now()));
        }
        after.close();

        assertThat(after.checkpoints().stream().map(Checkpoint::keyId).distinct()).hasSize(2);
        assertThat(Files.exists(keys.resolve("previous/1/ledger.cert.pem"))).isTrue();
        assertThat(audit("verify")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("audit chain intact");
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyIsABadSignatureNamingItsKeyId() throws Exception {
        AuditLedger ledger = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(2));
        ledger.append(Events.sent(1).withTime(Instant.now()));
        ledger.append(Events.sent(2).withTime(Instant.now()));
        ledger.close();
        sql("UPDATE audit_checkpoint SET key_id = 'ab12' WHERE seq = 2");

        assertThat(audit("verify")).isEqualTo(1);
        assertThat(err.toString()).contains("BAD_CHECKPOINT_SIGNATURE", "unknown key id ab12");
    }

    @Test
    void aDatabaseRewrittenFromScratchNoLongerMatchesTheWitnessLog() throws Exception {
        Path log = data.resolve("audit/checkpoints.jsonl");
        CheckpointWitness witness = new CheckpointWitness(log, null);
        AuditLedger ledger = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(2));
        for (int i = 1; i <= 5; i++) {
            ledger.append(Events.sent(i).withTime(Instant.now()));
            witness.publishFrom(ledger);
        }
        ledger.close();
        witness.publishFrom(ledger);
        assertThat(CheckpointExport.read(log)).extracting(Checkpoint::seq).containsExactly(2L, 4L, 5L);

        // someone with the database AND the ledger key rebuilds the chain with other events and fresh checkpoints
        sql("DELETE FROM audit_checkpoint", "DELETE FROM audit_event",
                "UPDATE audit_chain_head SET head_seq = 0, head_hash = '" + ChainHash.GENESIS
                        + "', last_checkpoint_seq = 0, last_checkpoint_at = NULL");
        AuditLedger forged = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(2));
        for (int i = 11; i <= 15; i++) {
            forged.append(Events.sent(i).withTime(Instant.now()));
        }
        forged.close();

        assertThat(audit("verify")).as("the database alone cannot tell").isZero();
        assertThat(audit("verify", "--witness", log.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN at seq 2: ALTERED");
    }

    @Test
    void theWitnessLogIsAppendedOnceAndTheEndpointGetsEveryCheckpointInOrderAfterAnOutage() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger status = new AtomicInteger(503);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/witness", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (status.get() == 200) {
                received.add(body);
            }
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
        try {
            Path log = tmp.resolve("witness/checkpoints.jsonl");
            CheckpointWitness witness = new CheckpointWitness(log,
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness"));
            AuditLedger ledger = ledger(Clock.systemUTC(), CheckpointPolicy.everyEvents(1));
            ledger.append(Events.sent(1).withTime(Instant.now()));
            ledger.append(Events.sent(2).withTime(Instant.now()));

            assertThat(witness.publishFrom(ledger)).isEqualTo(2);
            assertThat(received).as("endpoint down").isEmpty();

            status.set(200);
            ledger.append(Events.sent(3).withTime(Instant.now()));
            assertThat(witness.publishFrom(ledger)).isEqualTo(1);
            assertThat(witness.publishFrom(ledger)).as("nothing new").isZero();

            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(3);
            assertThat(received).containsExactlyElementsOf(lines);
            assertThat(new CheckpointWitness(log, null).publishFrom(ledger)).as("restart reads the log back").isZero();
        } finally {
            server.stop(0);
        }
    }
}
