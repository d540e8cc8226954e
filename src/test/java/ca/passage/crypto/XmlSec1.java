package ca.passage.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Runs the Debian xmlsec1 command (an independent XML-Security implementation). Missing xmlsec1 fails the test. */
final class XmlSec1 {
    record Result(int exitCode, String output) {
    }

    static final List<String> ENVELOPE_IDS = List.of("--id-attr:Id", "urn:ca:passage:envelope:1:Header",
            "--id-attr:Id", "urn:ca:passage:envelope:1:Payload");

    static void requireInstalled() {
        Result r = run(Path.of("."), List.of("--version"));
        assertThat(r.exitCode()).as("xmlsec1 --version (install with: apt-get install -y xmlsec1)").isZero();
        assertThat(r.output()).contains("xmlsec1");
    }

    static Result run(Path workDir, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("xmlsec1");
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("xmlsec1 did not finish in 60 s: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("xmlsec1 cannot be run (install the Debian package xmlsec1; CI installs it): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
