package ca.passage.report;

import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.store.ExchangeRecord;
import ca.passage.store.ExchangeState;
import ca.passage.store.ExchangeStore;
import ca.passage.store.NoticeRecord;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The statistics read from a real store: stored notices, their exchanges' partners, nothing identifying out. */
class StatisticsSourceTest {

    private static final Instant JANUARY = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-10T10:00:00Z");

    @Test
    void countsStoredCanadianNoticesByRegionAndMonthAndPrintsNoIdentifier() throws Exception {
        try (TestDb db = TestDb.create(TestDb.Backend.H2)) {
            Clock clock = Clock.fixed(JANUARY, ZoneOffset.UTC);
            ExchangeStore store = new ExchangeStore(db.ds(), new AuditLedger(db.ds(), clock, TestKeys.generate().signer()), clock);
            String sample = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"));
            for (int i = 0; i < 7; i++) {
                store(store, sample, "CA-2026-0007" + i, JANUARY, List.of("eu-agency", "us-hsi"));
            }
            for (int i = 0; i < 2; i++) {
                store(store, sample, "CA-2026-0008" + i, FEBRUARY, List.of("eu-agency"));
            }
            for (int i = 0; i < 6; i++) {
                store(store, sample, "CA-2026-0009" + i, FEBRUARY, List.of("us-hsi"));
            }
            StatisticsSource source = new StatisticsSource(db.ds(),
                    Map.of("eu-agency", "NL", "us-hsi", "US")::get);

            StatisticsReport report = source.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), 5);

            PublishedTable regions = report.tables().stream()
                    .filter(t -> t.source().id().equals("notices-by-partner-region")).findFirst().orElseThrow();
            int europe = regions.rowLabels().indexOf("EUROPE");
            int americas = regions.rowLabels().indexOf("AMERICAS");
            int total = regions.columnLabels().size();
            // Europe: 7 in January, 2 in February; the Americas: 7 and 6. The 2 is withheld, and with it the
            // other three cells (each alone in a row or column would give it away); the totals stay published.
            assertThat(regions.text(europe, 1)).as("2 in February: withheld").isEqualTo(PublishedTable.SUPPRESSED);
            assertThat(regions.isPrimary(europe, 1)).isTrue();
            assertThat(List.of(regions.text(europe, 0), regions.text(americas, 0), regions.text(americas, 1)))
                    .containsOnly(PublishedTable.SUPPRESSED);
            assertThat(regions.text(europe, total)).isEqualTo("9");
            assertThat(regions.text(americas, total)).isEqualTo("13");
            assertThat(regions.text(regions.rowLabels().size(), total)).isEqualTo("22");
            assertThat(SuppressionAudit.determinedEntries(regions.suppressed())).isEmpty();
            for (StatisticsFormat f : StatisticsFormat.values()) {
                assertThat(f.write(report)).doesNotContain("CA-2026-000").doesNotContain("eu-agency")
                        .doesNotContain("us-hsi");
            }
        }
    }

    private static void store(ExchangeStore store, String sample, String id, Instant at, List<String> partners) {
        byte[] content = sample.replace("CA-2026-000102", id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        NoticeRecord notice = new NoticeRecord(id, "F-" + id, 1, "RED", "HIGH", "H1", "MLAT", "officer:o1", at,
                "d".repeat(64), content, "NOT_REQUIRED", null, null, null);
        List<ExchangeRecord> exchanges = partners.stream().map(p -> new ExchangeRecord("E-" + id + "-" + p, id, p, ca.passage.store.Direction.OUT,
                ExchangeState.RECEIVED, "M-" + id + p, "C-" + id, 0, null, null, null, at, at, null, null)).toList();
        store.storeNotice(notice, exchanges, List.of(AuditEvent.of(at, "officer:o1", ca.passage.ledger.AuditAction.NOTICE_RECEIVED).withNotice(id)));
    }
}
