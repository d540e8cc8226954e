package ca.passage.partner;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;
import ca.passage.store.Jdbc;
import ca.passage.store.StoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** Which partners an operator suspended, kept in the store so a restart keeps them suspended. */
public final class PartnerSuspensions {

    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final Clock clock;

    public PartnerSuspensions(DataSource dataSource, AuditLedger ledger, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.clock = clock;
    }

    public boolean isSuspended(String partnerId) {
        return suspended().contains(partnerId);
    }

    public Set<String> suspended() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT partner_id FROM partner_suspension");
             ResultSet rs = ps.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot read partner suspensions", e);
        }
    }

    /** Returns false when the partner was already suspended (nothing written). */
    public boolean suspend(String partnerId, String operator) {
        return change(partnerId, operator, true);
    }

    /** Returns false when the partner was not suspended (nothing written). */
    public boolean resume(String partnerId, String operator) {
        return change(partnerId, operator, false);
    }

    private boolean change(String partnerId, String operator, boolean suspend) {
        return Jdbc.inTransaction(dataSource, "suspension of " + partnerId, c -> {
            int changed;
            if (suspend) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO partner_suspension (partner_id, suspended_by, "
                        + "suspended_at) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partner_suspension WHERE partner_id = ?)")) {
                    ps.setString(1, partnerId);
                    ps.setString(2, operator);
                    ps.setObject(3, Jdbc.utc(clock.instant()));
                    ps.setString(4, partnerId);
                    changed = ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM partner_suspension WHERE partner_id = ?")) {
                    ps.setString(1, partnerId);
                    changed = ps.executeUpdate();
                }
            }
            if (changed == 1) {
                ledger.append(c, AuditEvent.of(clock.instant(), operator,
                        suspend ? AuditAction.PARTNER_SUSPENDED : AuditAction.PARTNER_RESUMED).withPartner(partnerId).withOutcome("OK", null));
            }
            return changed == 1;
        });
    }
}
