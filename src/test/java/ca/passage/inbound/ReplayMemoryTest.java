package ca.passage.inbound;

import ca.passage.testing.TestDb;

import ca.passage.inbound.SeenMessageStore;
import ca.passage.partner.PartnerSuspensions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound replay memory lives in the database, on H2 and on PostgreSQL alike. */
class ReplayMemoryTest {

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
    void theRoutesSafetyNetRemembersAMessageOnceAndNeverReplacesTheAnswerItsEffectKept(TestDb.Backend backend)
            throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            SeenMessageStore seen = new SeenMessageStore(db.ds(), Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
            seen.rememberIfAbsent("eu-agency", "m-1", "application/xml", "<first/>".getBytes());
            seen.rememberIfAbsent("eu-agency", "m-1", "application/xml", "<second/>".getBytes());
            assertThat(seen.find("eu-agency", "m-1")).get().satisfies(r -> assertThat(r.answer()).isEqualTo("<first/>".getBytes()));
            assertThat(seen.firstSeen("eu-agency", "m-1", NOW)).isFalse();
            assertThat(seen.find("us-hsi", "m-1")).isEmpty();
        }
    }
}
