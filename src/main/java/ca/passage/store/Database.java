package ca.passage.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The exchange store's connection pool, migrated by Flyway on open. One schema serves H2 (the embedded
 * default) and PostgreSQL (production).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens the database at {@code jdbcUrl} and brings its schema to the latest migration. */
    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        config.setPoolName("passage-store");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /**
     * The embedded H2 file database kept in {@code dataDir}. WRITE_DELAY=0: a commit is on disk before the caller
     * answers 202, so a kill -9 loses nothing that was accepted. LOCK_TIMEOUT=30000: every state change waits its turn
     * for the audit chain head; under load that wait exceeds H2's default of a second or two, and a timeout there turned
     * load into HTTP 500s at intake and rolled-back deliveries (seen in the throughput benchmark). QUERY_CACHE_SIZE=64:
     * H2 keeps 8 parsed statements per session by default, fewer than one intake and one delivery use, so every
     * statement was parsed again each time (5 % of the gateway's CPU at intake).
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("passage") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=30000;QUERY_CACHE_SIZE=64";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
