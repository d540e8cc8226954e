package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.store.ArchiveKeys;
import ca.passage.store.MessageArchive;
import ca.passage.store.MessageArchiveTest;

import ca.passage.crypto.CryptoConfig;
import ca.passage.testing.MutableClock;
import ca.passage.store.MessageArchive.Direction;
import ca.passage.testing.TestDb.Backend;
import ca.passage.partner.PartnerProfile;
import ca.passage.partner.PartnerProfileLoader;
import ca.passage.translate.Translators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's housekeeping: time-based checkpoints when idle, the retention purge, the archive key. */
class HousekeepingTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final Collection<PartnerProfile> SHIPPED = new PartnerProfileLoader(Translators.standard().formats(),
            CryptoConfig.load(Path.of("crypto-config")).profiles().keySet())
            .loadRegistry(Path.of("partner-profiles")).all();

    @Test
    void anIdleChainGetsItsTimeBasedCheckpointFromTheScheduledCall() throws Exception {
        try (TestDb db = TestDb.create(Backend.H2)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer(), new CheckpointPolicy(1000, Duration.ofHours(1)));
            assertThat(ledger.checkpointIfDue()).as("empty chain").isEmpty();
            ledger.append(Events.sent(1).withTime(clock.instant()));
            ledger.append(Events.sent(2).withTime(clock.instant()));
            clock.advance(java.time.Duration.ofSeconds(1800));
            assertThat(ledger.checkpointIfDue()).as("not an hour yet").isEmpty();
            clock.advance(java.time.Duration.ofSeconds(1801));
            assertThat(ledger.checkpointIfDue()).map(Checkpoint::seq).contains(2L);
            clock.advance(java.time.Duration.ofSeconds(7200));
            assertThat(ledger.checkpointIfDue()).as("nothing new since").isEmpty();
            // after an idle period the interval starts again with the first new event (its event time)
            ledger.append(Events.sent(3).withTime(clock.instant()));
            assertThat(ledger.checkpoints()).extracting(Checkpoint::seq).containsExactly(2L);
            ledger.append(Events.sent(4).withTime(clock.instant()));
            assertThat(ledger.checkpointIfDue()).as("new event, but the last checkpoint is recent").isEmpty();
            clock.advance(java.time.Duration.ofSeconds(3600));
            assertThat(ledger.checkpointIfDue()).map(Checkpoint::seq).contains(4L);
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds(), java.util.List.of()).checkpointsVerified())
                    .isEqualTo(2);

            AuditLedger countOnly = new AuditLedger(db.ds(), clock, KEYS.signer(), CheckpointPolicy.everyEvents(100));
            AuditLedger verifyOnly = new AuditLedger(db.ds(), clock, KEYS.verifier(), new CheckpointPolicy(1000, Duration.ofHours(1)));
            countOnly.append(Events.sent(5));
            clock.advance(java.time.Duration.ofDays(1));
            assertThat(countOnly.checkpointIfDue()).isEmpty();
            assertThat(verifyOnly.checkpointIfDue()).isEmpty();
            assertThat(new AuditJobs(ledger, null, () -> SHIPPED, clock).checkpointIfDue()).isEqualTo(5L);
        }
    }

    @Test
    void purgeDeletesOnlyWhatIsPastEachAgreementsRetentionCountedInCalendarYears() throws Exception {
        try (TestDb db = TestDb.create(Backend.H2)) {
            MutableClock clock = new MutableClock(Instant.parse("2025-02-28T23:59:59Z"));
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer());
            MessageArchive archive = new MessageArchive(db.ds(), ledger, MessageArchiveTest.randomKey(), clock);
            // eu-agency keeps P3Y, interpol-hub and us-hsi P5Y (partner-profiles/*.yaml)
            var euJustPast = archive.store(Direction.SENT, "eu-agency", "M-1", "X-1", "one".getBytes());
            clock.set(Instant.parse("2025-03-01T00:00:01Z"));
            var euJustInside = archive.store(Direction.RECEIVED, "eu-agency", "M-2", "X-1", "two".getBytes());
            var hub = archive.store(Direction.SENT, "interpol-hub", "M-3", "X-2", "three".getBytes());
            var unknown = archive.store(Direction.SENT, "retired-partner", "M-4", "X-3", "four".getBytes());
            clock.set(Instant.parse("2020-03-01T00:00:00Z"));
            var usOld = archive.store(Direction.SENT, "us-hsi", "M-5", "X-4", "five".getBytes());

            clock.set(Instant.parse("2028-03-01T00:00:00Z")); // three calendar years after 2025-03-01
            AuditJobs jobs = new AuditJobs(ledger, archive, () -> SHIPPED, clock);
            MessageArchive.PurgeResult r = jobs.purgeArchive();

            assertThat(r.archiveIds()).containsExactlyInAnyOrder(euJustPast.archiveId(), usOld.archiveId());
            assertThat(archive.read(euJustInside.archiveId())).isEqualTo("two".getBytes());
            assertThat(archive.read(hub.archiveId())).isEqualTo("three".getBytes());
            assertThat(archive.read(unknown.archiveId())).isEqualTo("four".getBytes());
            var purged = new AuditSearch(db.ds()).search(AuditQuery.all().action("MESSAGE_PURGED")).items();
            assertThat(purged).extracting(x -> x.event().digest())
                    .containsExactlyInAnyOrder(euJustPast.digest(), usOld.digest());
            assertThat(purged).extracting(x -> x.event().actor()).containsOnly("system");
            assertThat(jobs.purgeArchive().purged()).as("a second run finds nothing").isZero();
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds(), java.util.List.of()).intact()).isTrue();
        }
    }

    @Test
    void retentionIsTheCalendarPeriodBackFromNow() {
        Instant now = Instant.parse("2028-03-01T00:00:00Z");
        Map<String, Duration> keep = AuditJobs.retentionByPartner(SHIPPED, now);
        assertThat(now.minus(keep.get("eu-agency"))).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(now.minus(keep.get("us-hsi"))).isEqualTo(Instant.parse("2023-03-01T00:00:00Z"));
    }
}
