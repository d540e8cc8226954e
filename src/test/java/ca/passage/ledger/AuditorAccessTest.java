package ca.passage.ledger;

import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.ledger.AuditorAccess.AccessDeniedException;
import ca.passage.ledger.AuditorAccess.Principal;
import ca.passage.ledger.AuditorAccess.Role;
import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditorAccessTest {

    static final TestKeys KEYS = TestKeys.generate();

    @Test
    void readingTheAuditLogNeedsTheAuditorRole() throws Exception {
        try (TestDb db = TestDb.create(Backend.H2)) {
            AuditLedger ledger = new AuditLedger(db.ds(), Clock.systemUTC(), KEYS.signer());
            Principal officer = new Principal("officer-7", Set.of(Role.OFFICER, Role.SUPERVISOR));
            assertThatThrownBy(() -> AuditorAccess.open(officer, db.ds(), ledger, KEYS.verifier(), Clock.systemUTC()))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("AUDITOR");
            assertThat(AuditorAccess.open(Principal.auditor("aud-1"), db.ds(), ledger, KEYS.verifier(),
                    Clock.systemUTC())).isNotNull();
        }
    }

    @Test
    void auditorsAreRefusedEveryWrite() {
        assertThatThrownBy(() -> AuditorAccess.requireWriter(Principal.auditor("aud-1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AuditorAccess.requireWriter(
                new Principal("both", Set.of(Role.AUDITOR, Role.OPERATOR)))).isInstanceOf(AccessDeniedException.class);
        AuditorAccess.requireWriter(new Principal("officer-7", Set.of(Role.OFFICER)));
    }

    @Test
    void everyAuditorQueryIsAppendedToTheLedgerWithTheAuditorAsActor() throws Exception {
        try (TestDb db = TestDb.create(Backend.H2)) {
            AuditLedger ledger = new AuditLedger(db.ds(), Clock.systemUTC(), KEYS.signer());
            ledger.append(Events.sent(1));
            AuditorSession s = AuditorAccess.open(Principal.auditor("aud-1"), db.ds(), ledger, KEYS.verifier(),
                    Clock.systemUTC());
            s.search(AuditQuery.all().partner("FR-PN"));
            s.verify(List.of());
            s.disclosureForNotice("N-0");
            var mine = new AuditSearch(db.ds()).search(AuditQuery.all().actor("aud-1")).items();
            assertThat(mine).extracting(r -> r.event().action())
                    .containsExactly("AUDIT_SEARCH", "AUDIT_VERIFY", "AUDIT_REPORT_NOTICE");
            assertThat(mine.get(0).event().partnerId()).isEqualTo("FR-PN");
            assertThat(mine.get(1).event().outcome()).isEqualTo("INTACT");
            assertThat(mine.get(2).event().noticeId()).isEqualTo("N-0");
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).events()).isEqualTo(4);
        }
    }
}
