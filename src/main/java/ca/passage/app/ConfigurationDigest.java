package ca.passage.app;

import ca.passage.envelope.Digests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SHA-256 over a set of configuration files (names and bytes, in name order). Audited at every start-up, so
 * that a change of partner profiles, crypto configuration or certificates between two runs shows in the ledger as
 * a different digest, without the ledger holding any of the content.
 */
final class ConfigurationDigest {

    private ConfigurationDigest() {
    }

    static String of(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return Digests.sha256(new byte[0]);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path f : sorted) {
                all.write(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                all.write(0);
                all.write(Files.readAllBytes(f));
                all.write(0);
            }
            return Digests.sha256(all.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
