package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.ledger.AuditExport.Format;
import ca.passage.testing.TestDb.Backend;
import ca.passage.ledger.VerificationResult.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export verifies on its own; an edited export does not. */
class ExportVerificationTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    TestDb db;
    LedgerVerifier verifier = new LedgerVerifier(KEYS.verifier());

    @BeforeEach
    void tenEvents() {
        db = TestDb.create(Backend.H2);
        AuditLedger ledger = new AuditLedger(db.ds(), CLOCK, KEYS.signer(), CheckpointPolicy.everyEvents(4));
        for (int i = 1; i <= 10; i++) {
            ledger.append(Events.sent(i).withDisclosure("Treaty, art. 7 \"urgent\"", "H3"));
        }
        ledger.close();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Path export(Format f) {
        Path out = tmp.resolve("audit." + f.name().toLowerCase());
        assertThat(new AuditExport(db.ds(), CLOCK).export(f, out)).isEqualTo(10);
        return out;
    }

    @Test
    void aJsonLinesExportVerifiesOnItsOwnWithItsCheckpoints() {
        VerificationResult r = verifier.verifyExport(export(Format.JSONL));
        assertThat(r.intact()).as(r.summary()).isTrue();
        assertThat(r.events()).isEqualTo(10);
        assertThat(r.checkpointsVerified()).isEqualTo(3); // 4, 8 and the shutdown one at 10
    }

    @Test
    void aCsvExportVerifiesOnItsOwn() {
        VerificationResult r = verifier.verifyExport(export(Format.CSV));
        assertThat(r.intact()).as(r.summary()).isTrue();
        assertThat(r.events()).isEqualTo(10);
    }

    @Test
    void anEditedJsonLinesExportIsAlteredAtTheEditedEvent() throws Exception {
        Path f = export(Format.JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        assertThat(lines.get(6)).contains("\"seq\":6").contains("\"handlingCode\":\"H3\"");
        lines.set(6, lines.get(6).replace("\"handlingCode\":\"H3\"", "\"handlingCode\":\"H0\""));
        Files.write(f, lines);
        VerificationResult r = verifier.verifyExport(f);
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.ALTERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(6);
    }

    @Test
    void anEditedCsvExportIsAlteredAtTheEditedEvent() throws Exception {
        Path f = export(Format.CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        assertThat(lines.get(3)).startsWith("3,");
        lines.set(3, lines.get(3).replace(",OK,", ",FAILED,"));
        Files.write(f, lines);
        VerificationResult r = verifier.verifyExport(f);
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.ALTERED);
        assertThat(r.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void anExportWithALineRemovedIsMissingThatSeq() throws Exception {
        Path f = export(Format.JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.remove(5);
        Files.write(f, lines);
        VerificationResult r = verifier.verifyExport(f);
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.MISSING);
        assertThat(r.firstBrokenSeq()).isEqualTo(5);
    }

    @Test
    void anExportCutAfterACheckpointIsTruncatedAfterThatCheckpoint() throws Exception {
        Path f = export(Format.JSONL);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.remove(10); // events 9 and 10 gone, checkpoint lines kept
        lines.remove(9);
        Files.write(f, lines);
        VerificationResult r = verifier.verifyExport(f);
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.afterCheckpoint()).isEqualTo(8);
        assertThat(r.firstBrokenSeq()).isEqualTo(9);
    }

    @Test
    void anExportCheckedWithAnotherGatewaysCertificateHasBadCheckpointSignatures() {
        VerificationResult r = new LedgerVerifier(TestKeys.generate().verifier()).verifyExport(export(Format.JSONL));
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.BAD_CHECKPOINT_SIGNATURE);
        assertThat(r.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void aCsvExportIsCheckedAgainstAnExportedCheckpointFile() throws Exception {
        Path cps = tmp.resolve("cps.jsonl");
        assertThat(CheckpointExport.export(db.ds(), cps)).isEqualTo(3);
        Path f = export(Format.CSV);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        Files.write(f, lines.subList(0, 9)); // header + events 1..8
        VerificationResult r = verifier.verifyExport(f, CheckpointExport.read(cps));
        assertThat(r.kind()).as(r.summary()).isEqualTo(Kind.TRUNCATED);
        assertThat(r.afterCheckpoint()).isEqualTo(8);
    }
}
