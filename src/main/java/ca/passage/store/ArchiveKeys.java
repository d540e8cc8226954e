package ca.passage.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where the gateway's message-archive key (AES-256) comes from, first match wins:
 * <ol>
 *   <li>environment variable {@value #ENV}: the key in Base64 (production: filled from the secret store);</li>
 *   <li>file {@value #FILE} in the keys folder (32 raw bytes or one Base64 line), beside {@code gateway.key.pem};</li>
 *   <li>neither, and the archive is still empty: a new random key is written to {@value #FILE} (mode 0600)
 *       and a warning says to back it up. This is how dev and demo key folders made by {@code keys init} get
 *       theirs; no key is ever committed.</li>
 * </ol>
 * When neither is present but the archive already holds messages, starting is refused: a fresh key could not
 * read them. The key itself is never logged, only its id (first 16 hex digits of its SHA-256).
 */
public final class ArchiveKeys {

    public static final String ENV = "PASSAGE_ARCHIVE_KEY";
    public static final String FILE = "archive.key";

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveKeys.class);

    private ArchiveKeys() {
    }

    /** The gateway's archive key, from the environment or {@code keysDir}. */
    public static MessageArchive.Key load(Path keysDir, DataSource dataSource) {
        return load(keysDir, dataSource, System::getenv);
    }

    static MessageArchive.Key load(Path keysDir, DataSource dataSource, Function<String, String> env) {
        Set<String> inUse = keyIdsInUse(dataSource);
        MessageArchive.Key key;
        String fromEnv = env.apply(ENV);
        Path file = keysDir.resolve(FILE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            key = MessageArchive.Key.fromBase64(fromEnv.strip(), "environment variable " + ENV);
        } else if (Files.exists(file)) {
            try {
                key = MessageArchive.Key.fromFile(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the archive key " + file + ": " + e.getMessage(), e);
            }
            warnIfReadableByOthers(file);
        } else if (inUse.isEmpty()) {
            key = generate(file);
        } else {
            throw new IllegalStateException("the message archive holds messages encrypted with key " + inUse
                    + " but no archive key was found: set " + ENV + " or restore " + file);
        }
        inUse.remove(key.keyId());
        if (!inUse.isEmpty()) {
            LOG.warn("archive key {} loaded, but archived messages under key(s) {} cannot be read with it",
                    key.keyId(), inUse);
        }
        return key;
    }

    private static MessageArchive.Key generate(Path file) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        byte[] line = (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(file.getParent());
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, line);
        } catch (FileAlreadyExistsException raced) {
            try {
                return MessageArchive.Key.fromFile(file); // another process made it first
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the archive key " + file + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a new archive key to " + file + ": " + e.getMessage(), e);
        }
        MessageArchive.Key key = MessageArchive.Key.of(bytes);
        LOG.warn("generated a new message-archive key {} in {}: back it up (archived messages cannot be read "
                + "without it); in production set {} from the secret store instead", key.keyId(), file, ENV);
        return key;
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("archive key {} is readable by group or others ({}): chmod 600 it", file,
                        PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: nothing to check
        }
    }

    private static Set<String> keyIdsInUse(DataSource dataSource) {
        Set<String> ids = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT key_id FROM message_archive");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("reading the message archive's key ids failed: " + e.getMessage(), e);
        }
        return ids;
    }
}
