package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A message id is unique per partner, not across all partners (issue 12): replay memory is per partner, and with a
 * global constraint one partner could take another's ids first. V1 declared {@code message_id ... UNIQUE} inline,
 * so the constraint's name is the database's choice (PostgreSQL {@code exchange_message_id_key}, H2 a generated
 * {@code CONSTRAINT_...}): it is looked up in the information schema both share, which a SQL migration cannot do
 * portably.
 */
public class V7_1__message_id_unique_per_partner extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> constraints = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tc.constraint_name FROM information_schema.table_constraints tc "
                + "JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name "
                + "AND k.table_name = tc.table_name AND k.table_schema = tc.table_schema "
                + "WHERE LOWER(tc.table_name) = 'exchange' AND tc.constraint_type = 'UNIQUE' "
                + "AND tc.table_schema = CURRENT_SCHEMA "
                + "GROUP BY tc.constraint_name HAVING COUNT(*) = 1 AND MAX(LOWER(k.column_name)) = 'message_id'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                constraints.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : constraints) {
                s.execute("ALTER TABLE exchange DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            s.execute("ALTER TABLE exchange ADD CONSTRAINT exchange_partner_message UNIQUE (partner_id, message_id)");
            s.execute("CREATE INDEX exchange_message ON exchange (message_id)");
        }
    }
}
