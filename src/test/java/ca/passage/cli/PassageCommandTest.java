package ca.passage.cli;

import ca.passage.app.Gateway;
import ca.passage.testing.RunningGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as an operator uses it: output, files written and exit codes (0 ok, 1 failed, 2 bad usage or input). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("process")
class PassageCommandTest {

    record Run(int exit, String out, String err) {
    }

    private RunningGateway running;
    private Path profiles;
    private Path keys;
    private Gateway gateway;
    private int port;

    @BeforeAll
    void start() throws IOException {
        running = RunningGateway.start();
        profiles = running.profiles();
        keys = running.keys;
        gateway = running.gateway;
        port = running.port;
    }

    @AfterAll
    void stop() {
        running.close();
    }

    @Test
    void partnersListPrintsTheThreePartners() {
        Run r = run("partners", "list", "--profiles", "partner-profiles");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("interpol-hub", "eu-agency", "us-hsi", "interpol-notice", "rsa-compat",
                "https://127.0.0.1:9101/exchange/v1/inbound");
        assertThat(r.out().lines().filter(l -> !l.isBlank())).hasSize(4);
    }

    @Test
    void partnersCheckPassesWithKeysAndFailsWithBadInputWhenACertificateIsMissing(@TempDir Path tmp) throws IOException {
        Run ok = run("partners", "check", "--profiles", profiles.toString(), "--keys", keys.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("3 partner profile(s) valid");

        Path partial = tmp.resolve("keys");
        Files.createDirectories(partial);
        try (Stream<Path> files = Files.list(keys)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().startsWith("eu-agency.")) {
                    Files.copy(f, partial.resolve(f.getFileName()));
                }
            }
        }
        Run missing = run("partners", "check", "--profiles", profiles.toString(), "--keys", partial.toString());
        assertThat(missing.exit()).as(missing.out() + missing.err()).isEqualTo(2);
        assertThat(missing.err()).contains("eu-agency");
    }

    @Test
    void partnersCheckNamesFileAndFieldOfABrokenProfile(@TempDir Path tmp) throws IOException {
        Path broken = Files.createDirectories(tmp.resolve("profiles"));
        try (Stream<Path> files = Files.list(profiles)) {
            for (Path f : files.toList()) {
                Files.writeString(broken.resolve(f.getFileName()), Files.readString(f).replace("format: us-niem", "format: nope"));
            }
        }
        Run r = run("partners", "check", "--profiles", broken.toString(), "--keys", keys.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("us-hsi.yaml", "field 'format'");
    }

    @Test
    void keysInitWritesTheDesignLayout(@TempDir Path tmp) {
        Path target = tmp.resolve("new-keys");
        Run r = run("keys", "init", "--profiles", "partner-profiles", "--dir", target.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(target.resolve("ca.cert.pem")).isRegularFile();
        for (String name : List.of("gateway", "interpol-hub", "eu-agency", "us-hsi")) {
            assertThat(target.resolve(name + ".key.pem")).isRegularFile()
                    .content().contains("-----BEGIN PRIVATE KEY-----");
            assertThat(target.resolve(name + ".cert.pem")).isRegularFile()
                    .content().contains("-----BEGIN CERTIFICATE-----");
        }
        Run check = run("partners", "check", "--profiles", "partner-profiles", "--keys", target.toString());
        assertThat(check.exit()).as(check.err()).isZero();
    }

    @Test
    void sendReturnsZeroWhenAcceptedAndTwoWhenRefused(@TempDir Path tmp) throws IOException {
        String sample = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"));
        Path good = tmp.resolve("good.xml");
        Files.writeString(good, sample.replace("CA-2026-000102", "CA-CLI-SEND-1"));
        Run accepted = run("send", good.toString(), "--url", "https://127.0.0.1:" + port, "--to", "us-hsi",
                "--ca", keys.resolve("ca.cert.pem").toString(), "--cert", keys.resolve("users/officer1.cert.pem").toString(),
                "--key", keys.resolve("users/officer1.key.pem").toString());
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("CA-CLI-SEND-1", "us-hsi").doesNotContain("interpol-hub");
        assertThat(gateway.store().exchangesOf("CA-CLI-SEND-1")).hasSize(1);

        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, sample.replace("CA-2026-000102", "CA-CLI-SEND-2")
                .replace("<recipient>us-hsi</recipient>", "<recipient>atlantis-police</recipient>"));
        Run refused = run("send", bad.toString(), "--url", "https://127.0.0.1:" + port, "--ca",
                keys.resolve("ca.cert.pem").toString(), "--token-file", tokenFile(tmp).toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("atlantis-police");
        assertThat(gateway.store().findNotice("CA-CLI-SEND-2")).isEmpty();

        assertThat(run("send", tmp.resolve("absent.xml").toString(), "--url", "https://127.0.0.1:" + port).exit())
                .isEqualTo(2);
    }

    @Test
    void lifecycleCommandsExitZeroWhenAcceptedOneWhenTheNoticeCannotTakeItTwoForBadInput(@TempDir Path tmp)
            throws IOException {
        String sample = Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"));
        Path v1 = tmp.resolve("v1.xml");
        Files.writeString(v1, sample.replace("CA-2026-000102", "CA-CLI-LC-1"));
        assertThat(run(withOfficer("send", v1.toString(), "--to", "us-hsi")).exit()).isZero();
        ca.passage.testing.Await.until(java.time.Duration.ofSeconds(60), () -> gateway.store().exchangesOf("CA-CLI-LC-1")
                .stream().allMatch(e -> e.state() == ca.passage.store.ExchangeState.ACKNOWLEDGED));

        Run deletion = run(withOfficer("delete-request", "CA-CLI-LC-1", "--reason", "retention_ended", "--to", "us-hsi"));
        assertThat(deletion.exit()).as(deletion.out() + deletion.err()).isZero();
        assertThat(deletion.out()).contains("DELETION_REQUEST", "us-hsi");
        Run withdrawn = run(withOfficer("withdraw", "CA-CLI-LC-1", "--reason", "PERSON_LOCATED"));
        assertThat(withdrawn.exit()).as(withdrawn.out() + withdrawn.err()).isZero();
        assertThat(withdrawn.out()).contains("WITHDRAWAL");

        assertThat(run(withOfficer("withdraw", "CA-CLI-LC-1", "--reason", "PERSON_LOCATED")).exit())
                .as("already withdrawn: the work cannot be done").isEqualTo(1);
        Path v2 = tmp.resolve("v2.xml");
        Files.writeString(v2, sample.replace("CA-2026-000102", "CA-CLI-LC-2")
                .replace("<version>1</version>", "<version>2</version><supersedes>CA-CLI-LC-1</supersedes>"));
        assertThat(run(withOfficer("update", "CA-CLI-LC-1", v2.toString())).exit()).isEqualTo(1);
        assertThat(run(withOfficer("withdraw", "CA-CLI-LC-NONE", "--reason", "OTHER")).exit()).isEqualTo(2);
        assertThat(run(withOfficer("withdraw", "CA-CLI-LC-1", "--reason", "BORED")).exit()).isEqualTo(2);
        assertThat(run("withdraw", "CA-CLI-LC-1").exit()).as("--reason is required").isEqualTo(2);
        assertThat(run(withOfficer("update", "CA-CLI-LC-1", tmp.resolve("absent.xml").toString())).exit()).isEqualTo(2);

        Run status = run(withOfficer("status", "CA-CLI-LC-1"));
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("KIND", "WITHDRAWN (PERSON_LOCATED)", "WITHDRAWAL", "DELETION_REQUEST");
    }

    /** The command with the gateway's URL and officer1's client certificate. */
    private String[] withOfficer(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--url", "https://127.0.0.1:" + port, "--ca", keys.resolve("ca.cert.pem").toString(),
                "--cert", keys.resolve("users/officer1.cert.pem").toString(),
                "--key", keys.resolve("users/officer1.key.pem").toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void aCommandWithoutCredentialsIsRefusedByTheGateway(@TempDir Path tmp) throws IOException {
        Path good = tmp.resolve("anon.xml");
        Files.writeString(good, Files.readString(Path.of("samples/notices/02-red-labour-suspect.xml"))
                .replace("CA-2026-000102", "CA-CLI-ANON-1"));
        Run r = run("send", good.toString(), "--url", "https://127.0.0.1:" + port, "--ca", keys.resolve("ca.cert.pem").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.out() + r.err()).contains("credential");
        assertThat(gateway.store().findNotice("CA-CLI-ANON-1")).isEmpty();
    }

    /** A bearer token of the test identity provider for an officer, in a file (the --token-file way). */
    private static Path tokenFile(Path tmp) throws IOException {
        Path f = tmp.resolve("token.jwt");
        Files.writeString(f, ca.passage.testing.TestAccess.token("officer-token", List.of("OFFICER"), java.time.Duration.ofMinutes(5)));
        return f;
    }

    @Test
    void everyCommandAnswersHelpWithExitZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(PassageCommand.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p))
                .contains("", "run", "demo", "send", "status", "partners list", "partners check", "partner-sim",
                        "keys init", "audit");
        for (List<String> path : paths) {
            if (path.equals(List.of("help"))) {
                continue;
            }
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        Run r = run("partners", "list", "--no-such-option");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-option");
    }

    private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> out) {
        out.add(prefix);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // aliases
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, out);
        });
    }

    /** Runs the CLI in-process; commands print with System.out, picocli with the command line's writers. */
    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = PassageCommand.commandLine();
            cli.setOut(new PrintWriter(cliOut, true));
            cli.setErr(new PrintWriter(cliErr, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8) + cliOut,
                    err.toString(StandardCharsets.UTF_8) + cliErr);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
