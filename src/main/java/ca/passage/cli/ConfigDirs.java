package ca.passage.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where configuration and keys are: shared by the gateway's commands and the partner simulator. */
public final class ConfigDirs {

    @Option(names = "--profiles", defaultValue = "partner-profiles", description = "partner profiles folder; default: ${DEFAULT-VALUE}")
    Path profiles;

    @Option(names = "--crypto-config", defaultValue = "crypto-config", description = "crypto profiles and policy; default: ${DEFAULT-VALUE}")
    Path cryptoConfig;

    @Option(names = "--keys", defaultValue = "keys", description = "PEM keys and certificates; default: ${DEFAULT-VALUE}")
    Path keys;
}
