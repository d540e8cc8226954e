package ca.passage.ledger;

import ca.passage.testing.TestKeys;

import ca.passage.store.Database;

import ca.passage.cli.AuditCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code passage audit ...} against an H2 data folder and a keys folder, as an auditor runs it. */
class AuditCommandTest {

    static final TestKeys KEYS = TestKeys.generate();

    @TempDir
    Path tmp;
    Path data;
    Path keys;
    Database db;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void gatewayWithEvents() throws Exception {
        data = tmp.resolve("data");
        keys = tmp.resolve("keys");
        KEYS.writeTo(keys);
        db = Database.open(Database.h2Url(data), "sa", "");
        AuditLedger ledger = new AuditLedger(db.dataSource(), Clock.systemUTC(),
                CheckpointSigner.fromKeysDir(keys, true), CheckpointPolicy.everyEvents(3));
        try (Connection c = db.dataSource().getConnection()) {
            Fixtures.notice(c, "N-1", "MLAT art. 3", "H1", "supervisor-3");
            Fixtures.exchange(c, "X-1", "N-1", "FR-PN", "OUT", "ACKNOWLEDGED", "2025-03-01T10:00:00Z",
                    "2025-03-01T10:05:00Z");
        }
        for (int i = 1; i <= 7; i++) {
            ledger.append(Events.sent(i));
        }
        ledger.close();
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    private int run(String... args) {
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
    void verifyExitsZeroWithAOneLineSummaryWhenIntact() {
        assertThat(run("verify")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).startsWith("audit chain intact: 7 events").doesNotContain("\n");
    }

    @Test
    void verifyExitsOneAndNamesTheFirstBrokenSeqWhenTampered() throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("UPDATE audit_event SET partner_id = 'US-FBI' WHERE seq = 4");
        }
        assertThat(run("verify")).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN at seq 4: ALTERED");
    }

    @Test
    void verifyFromCheckpointFileCatchesACutBackTail() throws Exception {
        Path cps = tmp.resolve("cps.jsonl");
        assertThat(run("checkpoints", "export", "--out", cps.toString())).isZero();
        // the tool's own query events are chained after the exported checkpoints; cut back to seq 6
        String hash6;
        try (Connection c = db.dataSource().getConnection()) {
            var rs = c.createStatement().executeQuery("SELECT event_hash FROM audit_event WHERE seq = 6");
            rs.next();
            hash6 = rs.getString(1);
            c.createStatement().execute("DELETE FROM audit_event WHERE seq > 6");
            c.createStatement().execute("DELETE FROM audit_checkpoint WHERE seq > 6");
            c.createStatement().execute("UPDATE audit_chain_head SET head_seq = 6, head_hash = '" + hash6
                    + "', last_checkpoint_seq = 6");
        }
        assertThat(run("verify", "--from-checkpoint", cps.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN at seq 7: TRUNCATED after checkpoint 6");
    }

    @Test
    void anExportVerifiesOnItsOwnAndAnEditedOneDoesNot() throws Exception {
        Path f = tmp.resolve("audit.jsonl");
        assertThat(run("export", "--format", "jsonl", "--out", f.toString())).isZero();
        assertThat(run("verify", "--export", f.toString())).isZero();
        Files.writeString(f, Files.readString(f).replace("\"seq\":2,\"time\":\"2025-03-01T10:00:02Z\"",
                "\"seq\":2,\"time\":\"2025-03-01T10:00:03Z\""));
        assertThat(run("verify", "--export", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN at seq 2: ALTERED");
    }

    @Test
    void searchFiltersAndPagesAndIsItselfRecorded() throws Exception {
        assertThat(run("search", "--partner", "EUROPOL", "--page", "1", "--size", "2")).isZero();
        assertThat(out.toString()).contains("page 1 of 2 (4 events)");
        try (Connection c = db.dataSource().getConnection()) {
            var rs = c.createStatement().executeQuery(
                    "SELECT actor, partner_id FROM audit_event WHERE action = 'AUDIT_SEARCH'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("aud-1");
            assertThat(rs.getString(2)).isEqualTo("EUROPOL");
        }
    }

    @Test
    void reportForANoticeShowsPartnerBasisHandlingApproverAndAcknowledgement() {
        assertThat(run("report", "--notice", "N-1")).isZero();
        assertThat(out.toString()).contains("FR-PN", "H1", "supervisor-3", "yes", "MLAT art. 3");
    }

    @Test
    void badUsageAndBadInputExitTwo() {
        assertThat(run("search", "--from", "yesterday")).isEqualTo(2);
        assertThat(run("export", "--format", "xml", "--out", "x")).isEqualTo(2);
        assertThat(run("report", "--partner", "FR-PN")).isEqualTo(2);
        assertThat(run("verify", "--export", tmp.resolve("nope.jsonl").toString())).isEqualTo(2);
        assertThat(new CommandLine(new AuditCommand()).setErr(new PrintWriter(err, true))
                .execute("verify", "--data", tmp.resolve("empty").toString(), "--keys", keys.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no Passage database in");
    }
}
