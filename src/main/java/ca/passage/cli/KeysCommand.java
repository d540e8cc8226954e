package ca.passage.cli;

import ca.passage.crypto.KeyDirectory;

import ca.passage.crypto.CertificateInfo;
import ca.passage.crypto.CryptoConfig;
import ca.passage.devtools.pki.DevPki;
import ca.passage.crypto.PartnerKeySpec;
import ca.passage.partner.PartnerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

@Command(name = "keys", mixinStandardHelpOptions = true, description = "Development PKI: create, show and rotate keys.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.Rotate.class})
public final class KeysCommand {

    static List<PartnerKeySpec> specs(ConfigOptions config) {
        CryptoConfig crypto = CryptoConfig.load(config.dirs.cryptoConfig);
        PartnerRegistry partners = Partners.registry(config.dirs.profiles, config.dirs.cryptoConfig);
        return partners.all().stream().map(p -> PartnerKeySpec.of(p.id(), crypto.profile(p.cryptoProfile()))).toList();
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a CA, the gateway's keys and one key set per partner profile (PEM files).")
    static final class Init implements Runnable {
        @Mixin
        ConfigOptions config;

        @Option(names = "--dir", description = "where to write the keys; default: the --keys folder")
        Path dir;

        @Override
        public void run() {
            Path target = dir != null ? dir : config.dirs.keys;
            new DevPki().init(target, specs(config));
            System.out.println("development PKI written to " + target + " (never commit it)");
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Subjects, SHA-256 fingerprints and expiry.")
    static final class Show implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            System.out.printf("%-28s %-48s %-20s %s%n", "FILE", "SUBJECT", "EXPIRES", "SHA-256");
            for (CertificateInfo c : new KeyDirectory(config.dirs.keys).describe()) {
                System.out.printf("%-28s %-48s %-20s %s%n", c.file(), c.subject(), c.notAfter(), c.sha256Fingerprint());
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new gateway key generation; the previous one still decrypts in-flight messages.")
    static final class Rotate implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            int generation = new DevPki().rotate(config.dirs.keys);
            System.out.println("gateway keys rotated; previous generation kept as " + generation);
        }
    }
}
