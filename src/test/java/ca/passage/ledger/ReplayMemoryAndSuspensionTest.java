package ca.passage.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound replay memory and the partner kill-switch live in the store, on H2 and on PostgreSQL alike. */
class ReplayMemoryAndSuspensionTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDb.Backend.class)
    void aMessageIdIsAcceptedOnceAndRemembersAcrossAnotherNode(TestDb.Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            SeenMessageStore node1 = new SeenMessageStore(db.ds(), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
            SeenMessageStore node2 = new SeenMessageStore(db.openPool().dataSource(), Duration.ofMinutes(10),
                    Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(node1.firstSeen("eu-agency", "m-1", NOW)).isTrue();
            assertThat(node2.firstSeen("eu-agency", "m-1", NOW)).isFalse();
            assertThat(node2.firstSeen("us-hsi", "m-1", NOW)).as("ids are per partner").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.Backend.class)
    void idsOlderThanTheReplayWindowAreForgottenAndNoOthers(TestDb.Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            SeenMessageStore seen = new SeenMessageStore(db.ds(), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
            seen.firstSeen("eu-agency", "old", NOW.minus(Duration.ofMinutes(25)));
            seen.firstSeen("eu-agency", "recent", NOW.minus(Duration.ofMinutes(5)));
            assertThat(seen.forgetExpired()).isEqualTo(1);
            assertThat(seen.firstSeen("eu-agency", "recent", NOW)).isFalse();
            assertThat(seen.firstSeen("eu-agency", "old", NOW)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.Backend.class)
    void suspensionSurvivesANewInstanceAndEachChangeIsAuditedWithTheOperator(TestDb.Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), Clock.fixed(NOW, ZoneOffset.UTC), TestKeys.generate().signer());
            PartnerSuspensions switches = new PartnerSuspensions(db.ds(), ledger, Clock.fixed(NOW, ZoneOffset.UTC));
            assertThat(switches.suspend("us-hsi", "operator:ops-1")).isTrue();
            assertThat(switches.suspend("us-hsi", "operator:ops-1")).as("already suspended").isFalse();
            assertThat(new PartnerSuspensions(db.ds(), ledger, Clock.systemUTC()).isSuspended("us-hsi")).isTrue();
            assertThat(switches.resume("us-hsi", "operator:ops-2")).isTrue();
            assertThat(switches.isSuspended("us-hsi")).isFalse();
            var events = new AuditSearch(db.ds()).search(AuditQuery.all().partner("us-hsi")).items();
            assertThat(events).extracting(r -> r.event().action() + " by " + r.event().actor())
                    .containsExactly("PARTNER_SUSPENDED by operator:ops-1", "PARTNER_RESUMED by operator:ops-2");
        }
    }
}
