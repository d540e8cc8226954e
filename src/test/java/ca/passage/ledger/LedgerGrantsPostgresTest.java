package ca.passage.ledger;

import ca.passage.store.Database;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestDb.Backend;
import ca.passage.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * scripts/db/gateway-role-postgresql.sql on a migrated schema: the gateway's role appends to the ledger (and starts,
 * Flyway finding the schema current) but PostgreSQL refuses it any UPDATE, DELETE or TRUNCATE of the ledger tables.
 */
class LedgerGrantsPostgresTest {

    static final TestKeys KEYS = TestKeys.generate();

    @Test
    void theGatewayRoleAppendsToTheLedgerButPostgresRefusesItAnUpdateOrDelete() throws Exception {
        try (TestDb db = TestDb.create(Backend.POSTGRES)) {
            db.sql(Files.readString(Path.of("scripts/db/gateway-role-postgresql.sql")));

            try (Database asGateway = Database.open(db.url, "passage_gateway", "")) {
                AuditLedger ledger = new AuditLedger(asGateway.dataSource(), Clock.systemUTC(), KEYS.signer(),
                        CheckpointPolicy.everyEvents(2));
                ledger.append(Events.sent(1).withTime(Instant.now()));
                ledger.append(Events.sent(2).withTime(Instant.now()));
                ledger.close();
                assertThat(new LedgerVerifier(KEYS.verifier()).verify(asGateway.dataSource()).intact()).isTrue();

                try (Connection c = asGateway.dataSource().getConnection(); Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    for (String forbidden : new String[] {
                        "UPDATE audit_event SET partner_id = 'US-FBI' WHERE seq = 1",
                        "DELETE FROM audit_event WHERE seq = 2",
                        "TRUNCATE audit_event",
                        "UPDATE audit_checkpoint SET head_hash = 'x'",
                        "DELETE FROM audit_checkpoint",
                        "DELETE FROM audit_chain_head"}) {
                        assertThatThrownBy(() -> s.execute(forbidden)).as(forbidden)
                                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                    }
                }
            }
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).events()).isEqualTo(2);
        }
    }
}
