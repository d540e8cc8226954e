package ca.passage.cli;

import ca.passage.app.GatewaySettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that reads configuration shares; defaults suit a checkout. */
public final class ConfigOptions {

    @Option(names = "--data", defaultValue = "data", description = "data folder (H2 store, broker journal, inbox); default: ${DEFAULT-VALUE}")
    Path data;

    @Mixin
    ConfigDirs dirs;

    @Option(names = "--port", defaultValue = "8443", description = "officers' HTTPS port (REST API); default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--partner-port", defaultValue = "8444",
            description = "partners' HTTPS port (mutual TLS, /exchange/v1/inbound); default: ${DEFAULT-VALUE}")
    int partnerPort;

    @Option(names = "--bind", defaultValue = GatewaySettings.LOOPBACK,
            description = "address the HTTPS listeners bind to; default: ${DEFAULT-VALUE} (loopback only)")
    String bind;

    @Option(names = "--management-bind", defaultValue = GatewaySettings.LOOPBACK,
            description = "address health and metrics bind to; default: ${DEFAULT-VALUE}")
    String managementBind;

    @Option(names = "--dev-allow-http-partners",
            description = "development only: accept plain http:// partner endpoints on loopback")
    boolean devAllowHttpPartners;

    @Option(names = "--management-port", defaultValue = "9876", description = "health and metrics port; default: ${DEFAULT-VALUE}")
    int managementPort;

    @Option(names = "--broker-url", description = "external Artemis (tcp://host:61616); default: embedded")
    String brokerUrl;

    @Option(names = "--db-url", description = "JDBC URL (jdbc:postgresql://...); default: H2 file in the data folder")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "sa", description = "database user; default: ${DEFAULT-VALUE}")
    String dbUser;

    @Option(names = "--db-password-env", description = "name of the environment variable holding the database password")
    String dbPasswordEnv;

    @Option(names = "--witness-url", paramLabel = "URL",
            description = "HTTP endpoint that receives every signed audit checkpoint (besides data/audit/checkpoints.jsonl)")
    java.net.URI witnessUrl;

    GatewaySettings settings() {
        return settings(data, dirs.keys);
    }

    GatewaySettings settings(Path dataDir, Path keysDir) {
        String password = dbPasswordEnv == null ? "" : System.getenv(dbPasswordEnv);
        return new GatewaySettings(dataDir, dirs.profiles, dirs.cryptoConfig, keysDir, port, managementPort, brokerUrl, dbUrl,
                dbUser, password == null ? "" : password).withListeners(new GatewaySettings.Listeners(bind, managementBind,
                partnerPort, devAllowHttpPartners)).withWitnessEndpoint(witnessUrl);
    }
}
