package ca.passage.ledger;

import ca.passage.testing.TestDb;

import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class DisclosureReportTest {

    private static void seed(TestDb db) throws Exception {
        try (Connection c = db.ds().getConnection()) {
            Fixtures.notice(c, "N-1", "MLAT Canada-France art. 3", "H2", "supervisor-3");
            Fixtures.notice(c, "N-2", "Europol agreement art. 5", "H1", null);
            Fixtures.exchange(c, "X-1", "N-1", "FR-PN", "OUT", "ACKNOWLEDGED", "2025-03-01T10:00:00Z",
                    "2025-03-01T10:05:00Z");
            Fixtures.exchange(c, "X-2", "N-1", "EUROPOL", "OUT", "REJECTED", "2025-03-01T10:01:00Z",
                    "2025-03-01T10:06:00Z");
            Fixtures.exchange(c, "X-3", "N-2", "FR-PN", "OUT", "SENT", "2025-04-02T08:00:00Z", null);
            Fixtures.exchange(c, "X-4", "N-2", "FR-PN", "IN", "RECEIVED", null, null);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNoticeReportListsEachPartnerWithBasisHandlingApproverAndAcknowledgement(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            seed(db);
            DisclosureReport.Report r = new DisclosureReport(db.ds()).forNotice("N-1");
            assertThat(r.disclosures()).extracting(DisclosureReport.Disclosure::partnerId)
                    .containsExactly("FR-PN", "EUROPOL");
            DisclosureReport.Disclosure fr = r.disclosures().get(0);
            assertThat(fr.legalBasis()).isEqualTo("MLAT Canada-France art. 3");
            assertThat(fr.handlingCode()).isEqualTo("H2");
            assertThat(fr.approvedBy()).isEqualTo("supervisor-3");
            assertThat(fr.sentAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
            assertThat(fr.acknowledged()).isTrue();
            assertThat(r.disclosures().get(1).acknowledged()).isFalse();
            assertThat(r.toText()).contains("2 disclosed, 1 acknowledged");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPartnerReportCoversOnlyWhatWasSentToThatPartnerInThePeriod(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            seed(db);
            DisclosureReport.Report r = new DisclosureReport(db.ds()).forPartner("FR-PN",
                    Instant.parse("2025-04-01T00:00:00Z"), Instant.parse("2025-05-01T00:00:00Z"));
            assertThat(r.disclosures()).extracting(DisclosureReport.Disclosure::exchangeId).containsExactly("X-3");
            assertThat(r.disclosures().get(0).approvedBy()).isNull();
        }
    }
}
