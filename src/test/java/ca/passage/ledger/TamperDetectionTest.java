package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.testing.TestDb.Backend;
import ca.passage.ledger.VerificationResult.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of tampering, on H2 and on PostgreSQL, is named precisely by the verifier. */
class TamperDetectionTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    TestDb db;

    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    /** 12 events, checkpoints at seq 5 and 10 (every 5 events), head at 12. */
    private void twelveEvents(Backend backend) {
        db = TestDb.create(backend);
        AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer(), CheckpointPolicy.everyEvents(5));
        for (int i = 1; i <= 12; i++) {
            assertThat(ledger.append(Events.sent(i))).isEqualTo(i);
        }
        assertThat(ledger.checkpoints()).extracting(Checkpoint::seq).containsExactly(5L, 10L);
    }

    private VerificationResult verify() {
        return new LedgerVerifier(KEYS.verifier()).verify(db.ds());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void untouchedChainIsIntactWithAllCheckpointsVerified(Backend backend) {
        twelveEvents(backend);
        VerificationResult r = verify();
        assertThat(r.intact()).as(r.summary()).isTrue();
        assertThat(r.events()).isEqualTo(12);
        assertThat(r.headSeq()).isEqualTo(12);
        assertThat(r.checkpointsVerified()).isEqualTo(2);
        assertThat(r.summary()).startsWith("audit chain intact: 12 events");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updatingOneFieldIsAlteredAtThatSeq(Backend backend) {
        twelveEvents(backend);
        db.sql("UPDATE audit_event SET handling_code = 'H0' WHERE seq = 7");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.ALTERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rewritingOneEventWithAFreshHashIsAlteredAtThatSeq(Backend backend) throws Exception {
        twelveEvents(backend);
        AuditEvent forged = Events.sent(7).withOutcome("FAILED", "E42");
        String prev = hashOf(6);
        try (Connection c = db.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_event SET outcome = ?, error_code = ?, event_hash = ? WHERE seq = 7")) {
            ps.setString(1, "FAILED");
            ps.setString(2, "E42");
            ps.setString(3, ChainHash.hash(prev, forged));
            ps.executeUpdate();
        }
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.ALTERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletingARowIsMissingAtThatSeq(Backend backend) {
        twelveEvents(backend);
        db.sql("DELETE FROM audit_event WHERE seq = 7");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.MISSING);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletingARowAndRenumberingTheRestIsMissingAtThatSeq(Backend backend) {
        twelveEvents(backend);
        db.sql("DELETE FROM audit_event WHERE seq = 7",
                "UPDATE audit_event SET seq = -seq WHERE seq > 7",
                "UPDATE audit_event SET seq = -seq - 1 WHERE seq < 0");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.MISSING);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void insertingAWellFormedRowInTheMiddleIsInsertedAtThatSeq(Backend backend) throws Exception {
        twelveEvents(backend);
        db.sql("UPDATE audit_event SET seq = -seq WHERE seq >= 7",
                "UPDATE audit_event SET seq = -seq + 1 WHERE seq < 0");
        AuditEvent forged = Events.sent(99);
        String prev = hashOf(6);
        insert(7, forged, prev, ChainHash.hash(prev, forged));
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.INSERTED);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void insertingARowWithABogusHashInTheMiddleIsInsertedAtThatSeq(Backend backend) throws Exception {
        twelveEvents(backend);
        db.sql("UPDATE audit_event SET seq = -seq WHERE seq >= 7",
                "UPDATE audit_event SET seq = -seq + 1 WHERE seq < 0");
        insert(7, Events.sent(99), hashOf(6), "ab".repeat(32));
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.INSERTED);
        assertThat(r.firstBrokenSeq()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appendingARowBehindTheLedgersBackIsInsertedAtThatSeq(Backend backend) throws Exception {
        twelveEvents(backend);
        AuditEvent forged = Events.sent(99);
        insert(13, forged, hashOf(12), ChainHash.hash(hashOf(12), forged));
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.INSERTED);
        assertThat(r.firstBrokenSeq()).isEqualTo(13);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void swappingTwoRowsIsReorderedAtTheFirstOfThem(Backend backend) {
        twelveEvents(backend);
        db.sql("UPDATE audit_event SET seq = -1 WHERE seq = 6",
                "UPDATE audit_event SET seq = 6 WHERE seq = 9",
                "UPDATE audit_event SET seq = 9 WHERE seq = -1");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.REORDERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deletingTheTailAfterTheLastCheckpointIsTruncatedAfterThatCheckpoint(Backend backend) {
        twelveEvents(backend);
        db.sql("DELETE FROM audit_event WHERE seq > 10");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.afterCheckpoint()).isEqualTo(10);
        assertThat(r.firstBrokenSeq()).isEqualTo(11);
        assertThat(r.summary()).contains("TRUNCATED after checkpoint 10");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void truncationCoveredUpInTheDatabaseIsCaughtByAnExportedCheckpointFile(Backend backend) throws Exception {
        twelveEvents(backend);
        AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer(), CheckpointPolicy.everyEvents(5));
        ledger.close(); // shutdown checkpoint at 12
        Path file = tmp.resolve("checkpoints.jsonl");
        assertThat(CheckpointExport.export(db.ds(), file)).isEqualTo(3);
        String hash10 = hashOf(10);
        db.sql("DELETE FROM audit_event WHERE seq > 10", "DELETE FROM audit_checkpoint WHERE seq > 10",
                "UPDATE audit_chain_head SET head_seq = 10, head_hash = '" + hash10 + "', last_checkpoint_seq = 10");
        VerificationResult r = new LedgerVerifier(KEYS.verifier()).verify(db.ds(), CheckpointExport.read(file));
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.afterCheckpoint()).isEqualTo(10);
        assertThat(r.firstBrokenSeq()).isEqualTo(11);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void alteringACheckpointSignatureIsBadCheckpointSignatureAtItsSeq(Backend backend) throws Exception {
        twelveEvents(backend);
        String sig;
        try (Connection c = db.ds().getConnection()) {
            var rs = c.createStatement().executeQuery("SELECT signature FROM audit_checkpoint WHERE seq = 5");
            rs.next();
            sig = rs.getString(1);
        }
        byte[] raw = Base64.getDecoder().decode(sig);
        raw[raw.length - 1] ^= 1;
        db.sql("UPDATE audit_checkpoint SET signature = '" + Base64.getEncoder().encodeToString(raw) + "' WHERE seq = 5");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.BAD_CHECKPOINT_SIGNATURE);
        assertThat(r.firstBrokenSeq()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChainRewrittenFromScratchFailsAgainstTheSignedCheckpoint(Backend backend) throws Exception {
        twelveEvents(backend);
        // rewrite event 3 and re-chain everything after it with fresh hashes: only the signature can tell
        List<LedgerRecord> all = new AuditSearch(db.ds()).search(AuditQuery.all().page(1, 1000)).items();
        String prev = ChainHash.GENESIS;
        try (Connection c = db.ds().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_event SET outcome = ?, prev_hash = ?, event_hash = ? WHERE seq = ?")) {
            for (LedgerRecord rec : all) {
                AuditEvent e = rec.seq() == 3 ? rec.event().withOutcome("FAILED", null) : rec.event();
                String h = ChainHash.hash(prev, e);
                ps.setString(1, e.outcome());
                ps.setString(2, prev);
                ps.setString(3, h);
                ps.setLong(4, rec.seq());
                ps.executeUpdate();
                prev = h;
            }
        }
        db.sql("UPDATE audit_chain_head SET head_hash = '" + prev + "'");
        VerificationResult r = verify();
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.ALTERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(5);
        assertThat(r.detail()).contains("signed checkpoint");
    }

    private String hashOf(long seq) throws Exception {
        try (Connection c = db.ds().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_hash FROM audit_event WHERE seq = ?")) {
            ps.setLong(1, seq);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        }
    }

    private void insert(long seq, AuditEvent e, String prev, String hash) throws Exception {
        try (Connection c = db.ds().getConnection(); PreparedStatement ps = c.prepareStatement(LedgerRows.INSERT)) {
            LedgerRows.bindInsert(ps, seq, e, prev, hash);
            ps.executeUpdate();
        }
    }
}
