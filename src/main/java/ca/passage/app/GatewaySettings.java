package ca.passage.app;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the gateway finds its configuration and keeps its data, and which ports it serves.
 *
 * @param brokerUrl null for the embedded Artemis broker, else an external one (tcp://host:61616)
 * @param dbUrl     null for the embedded H2 file database under {@code dataDir}, else a JDBC URL (PostgreSQL)
 * @param deliveryTimeout how long one HTTP delivery may take before it counts as a failed attempt
 * @param witnessEndpoint null, or an HTTP endpoint that receives every signed audit checkpoint
 */
public record GatewaySettings(Path dataDir, Path partnerProfiles, Path cryptoConfig, Path keysDir, int httpPort,
                              int managementPort, String brokerUrl, String dbUrl, String dbUser, String dbPassword,
                              Duration deliveryTimeout, Listeners listeners, java.net.URI witnessEndpoint) {

    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_API_PORT = 8443;
    public static final int DEFAULT_PARTNER_PORT = 8444;
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Where the HTTPS listeners bind. {@code httpPort} is the officers' HTTPS port.
     *
     * @param bindAddress           the officers' and partners' listeners (loopback unless the operator says so)
     * @param managementBind        health and metrics
     * @param partnerPort           the partners' mutual-TLS listener
     * @param allowPlainHttpPartners development only: a partner endpoint may be {@code http://} on loopback
     */
    public record Listeners(String bindAddress, String managementBind, int partnerPort, boolean allowPlainHttpPartners) {
        public static Listeners loopback(int partnerPort) {
            return new Listeners(LOOPBACK, LOOPBACK, partnerPort, false);
        }
    }

    public GatewaySettings(Path dataDir, Path partnerProfiles, Path cryptoConfig, Path keysDir, int httpPort,
                           int managementPort, String brokerUrl, String dbUrl, String dbUser, String dbPassword,
                           Duration deliveryTimeout) {
        this(dataDir, partnerProfiles, cryptoConfig, keysDir, httpPort, managementPort, brokerUrl, dbUrl, dbUser,
                dbPassword, deliveryTimeout, Listeners.loopback(DEFAULT_PARTNER_PORT), null);
    }

    public GatewaySettings withListeners(Listeners l) {
        return new GatewaySettings(dataDir, partnerProfiles, cryptoConfig, keysDir, httpPort, managementPort, brokerUrl,
                dbUrl, dbUser, dbPassword, deliveryTimeout, l, witnessEndpoint);
    }

    public GatewaySettings(Path dataDir, Path partnerProfiles, Path cryptoConfig, Path keysDir, int httpPort,
                           int managementPort, String brokerUrl, String dbUrl, String dbUser, String dbPassword) {
        this(dataDir, partnerProfiles, cryptoConfig, keysDir, httpPort, managementPort, brokerUrl, dbUrl, dbUser,
                dbPassword, DEFAULT_DELIVERY_TIMEOUT);
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }

    /** Where accepted inbound notices are written for people on the domestic side. */
    public Path domesticFolder() {
        return dataDir.resolve("domestic");
    }

    /** The append-only checkpoint log outside the database that operators ship to the auditors. */
    public Path checkpointLog() {
        return dataDir.resolve("audit").resolve("checkpoints.jsonl");
    }

    public GatewaySettings withWitnessEndpoint(java.net.URI endpoint) {
        return new GatewaySettings(dataDir, partnerProfiles, cryptoConfig, keysDir, httpPort, managementPort, brokerUrl,
                dbUrl, dbUser, dbPassword, deliveryTimeout, listeners, endpoint);
    }

    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : ca.passage.store.Database.h2Url(dataDir);
    }
}
