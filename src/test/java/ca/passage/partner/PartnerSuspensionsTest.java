package ca.passage.partner;

import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.inbound.SeenMessageStore;
import ca.passage.partner.PartnerSuspensions;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner kill-switch lives in the database and every change is audited, on H2 and on PostgreSQL alike. */
class PartnerSuspensionsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

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
