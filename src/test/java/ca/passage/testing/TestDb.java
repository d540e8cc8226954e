package ca.passage.testing;

import ca.passage.store.Database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A throw-away database for one test: an in-memory H2, or a fresh schema {@code t_<random>} on the
 * PostgreSQL at 127.0.0.1:5432 (database test, user postgres; override with PASSAGE_TEST_PG_URL). PostgreSQL
 * being unreachable fails the test: CI starts it.
 */
public final class TestDb implements AutoCloseable {

    public enum Backend { H2, POSTGRES }

    public static final String PG_BASE = System.getenv().getOrDefault("PASSAGE_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("PASSAGE_TEST_PG_USER", "postgres");

    public final Backend backend;
    public final String url;
    public final String user;
    private final String schema;
    private final List<Database> opened = new ArrayList<>();
    public final Database db;

    private TestDb(Backend backend, String url, String user, String schema) {
        this.backend = backend;
        this.url = url;
        this.user = user;
        this.schema = schema;
        this.db = openPool();
    }

    public static TestDb create(Backend backend) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (backend == Backend.H2) {
            return new TestDb(backend, "jdbc:h2:mem:t_" + id + ";DB_CLOSE_DELAY=-1", "sa", null);
        }
        String schema = "t_" + id;
        try (Connection c = DriverManager.getConnection(PG_BASE, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database unreachable at " + PG_BASE + ": " + e.getMessage(), e);
        }
        return new TestDb(backend, PG_BASE + "?currentSchema=" + schema, PG_USER, schema);
    }

    /** Another independent connection pool on the same database (a second gateway node). */
    public Database openPool() {
        Database d = Database.open(url, user, "");
        opened.add(d);
        return d;
    }

    public DataSource ds() {
        return db.dataSource();
    }

    public void sql(String... statements) {
        try (Connection c = ds().getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (backend == Backend.H2) {
            try (Connection c = ds().getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException alreadyClosedByShutdown) {
                // SHUTDOWN closes the connection under Hikari's feet; the in-memory database is gone
            }
        }
        for (Database d : opened) {
            d.close();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_BASE, PG_USER, "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
