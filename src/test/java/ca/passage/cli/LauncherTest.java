package ca.passage.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./passage} launcher on a first run: its offline Maven attempt fails (an incomplete local repository),
 * the online build succeeds, and the user sees no {@code [ERROR]} from the attempt that did not matter. Maven and
 * Java are replaced by scripts on the PATH that record how they were called.
 */
class LauncherTest {

    @Test
    void firstRunPrintsNoMavenErrorFromTheOfflineAttempt(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("passage");
        Files.copy(Path.of("passage"), copy);
        executable(copy);
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                for a in "$@"; do
                  if [ "$a" = "-o" ]; then
                    echo "[ERROR] Failed to execute goal: Cannot access central in offline mode"
                    echo "[ERROR] offline stderr line" >&2
                    exit 1
                  fi
                done
                mkdir -p target && echo jar > target/passage.jar
                """);
        script(bin.resolve("java"), """
                #!/usr/bin/env bash
                echo "java $*"
                """);

        ProcessBuilder pb = new ProcessBuilder("bash", copy.toString(), "--help").directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));

        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out + err).doesNotContain("[ERROR]");
        assertThat(out).contains("java -jar " + dir.toRealPath().resolve("target/passage.jar") + " --help");
    }

    @Test
    void anOnlineBuildFailureIsShown(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("passage");
        Files.copy(Path.of("passage"), copy);
        executable(copy);
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("mvn"), """
                #!/usr/bin/env bash
                echo "[ERROR] COMPILATION ERROR: Foo.java"
                exit 1
                """);
        ProcessBuilder pb = new ProcessBuilder("bash", copy.toString(), "--help").directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("out.txt")))
                .containsOnlyOnce("[ERROR] COMPILATION ERROR: Foo.java");
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, body, StandardCharsets.UTF_8);
        executable(file);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
