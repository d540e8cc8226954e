package ca.passage.app;

import java.nio.file.Path;

/**
 * Where the gateway finds its configuration and keeps its data, and which ports it serves.
 *
 * @param brokerUrl null for the embedded Artemis broker, else an external one (tcp://host:61616)
 * @param dbUrl     null for the embedded H2 file database under {@code dataDir}, else a JDBC URL (PostgreSQL)
 */
public record GatewaySettings(Path dataDir, Path partnerProfiles, Path cryptoConfig, Path keysDir, int httpPort,
                              int managementPort, String brokerUrl, String dbUrl, String dbUser, String dbPassword) {

    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    /** Where accepted inbound notices are written for people on the domestic side. */
    public Path domesticFolder() {
        return dataDir.resolve("domestic");
    }

    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : ca.passage.ledger.Database.h2Url(dataDir);
    }
}
