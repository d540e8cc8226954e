package ca.passage.store;

import ca.passage.ledger.AuditLedger;
import ca.passage.store.MessageArchive.Direction;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestDb.Backend;
import ca.passage.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archive's key: from the environment, else the keys folder, else generated, and never silently replaced. */
class ArchiveKeysTest {

    private static final TestKeys KEYS = TestKeys.generate();

    @Test
    void archiveKeyComesFromTheEnvironmentElseTheKeysFolderElseIsGeneratedForAnEmptyArchive(@TempDir Path keys)
            throws Exception {
        try (TestDb db = TestDb.create(Backend.H2)) {
            byte[] raw = new byte[32];
            raw[0] = 7;
            String b64 = Base64.getEncoder().encodeToString(raw);
            assertThat(ArchiveKeys.load(keys, db.ds(), n -> ArchiveKeys.ENV.equals(n) ? b64 : null).keyId())
                    .isEqualTo(MessageArchive.Key.of(raw).keyId());
            assertThat(keys.resolve(ArchiveKeys.FILE)).as("the environment wins; nothing written").doesNotExist();
            assertThatThrownBy(() -> ArchiveKeys.load(keys, db.ds(), n -> "not-base64!"))
                    .hasMessageContaining(ArchiveKeys.ENV).hasMessageNotContaining("not-base64");

            MessageArchive.Key generated = ArchiveKeys.load(keys, db.ds(), n -> null);
            Path file = keys.resolve(ArchiveKeys.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(ArchiveKeys.load(keys, db.ds(), n -> null).keyId()).as("read back, not regenerated")
                    .isEqualTo(generated.keyId());

            AuditLedger ledger = new AuditLedger(db.ds(), java.time.Clock.systemUTC(), KEYS.signer());
            new MessageArchive(db.ds(), ledger, generated, java.time.Clock.systemUTC())
                    .store(Direction.SENT, "eu-agency", "M-1", "X-1", "x".getBytes());
            Files.delete(file);
            assertThatThrownBy(() -> ArchiveKeys.load(keys, db.ds(), n -> null))
                    .hasMessageContaining(generated.keyId()).hasMessageContaining(ArchiveKeys.ENV);
            assertThat(file).as("no fresh key over an archive that needs the old one").doesNotExist();
        }
    }
}
