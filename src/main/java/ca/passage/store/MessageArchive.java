package ca.passage.store;

import ca.passage.envelope.Digests;

import ca.passage.ledger.AuditAction;
import ca.passage.ledger.AuditEvent;
import ca.passage.ledger.AuditLedger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The raw signed messages as sent and as received, encrypted at rest with AES-256-GCM (random 96-bit nonce
 * per message). The associated data binds the row's archive id, partner, digest, direction, message id and
 * stored-at (AAD version 2), so neither a row's ciphertext can be moved to another row nor its description altered;
 * rows written before version 2 bound only the first three and stay readable by their {@code aad_version}. {@link #purge} deletes what is past each partner's retention and appends one
 * {@code MESSAGE_PURGED} event per message, in the same transaction: the ledger keeps the digest.
 */
public final class MessageArchive {

    public enum Direction { SENT, RECEIVED }

    public record Stored(String archiveId, String partnerId, Direction direction, String messageId,
                         String exchangeId, String digest, int size, Instant storedAt) {
    }

    public record PurgeResult(int purged, List<String> archiveIds) {
    }

    /** A 256-bit archive key. */
    public static final class Key {
        private final byte[] bytes;
        private final String keyId;

        private Key(byte[] bytes) {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("archive key must be 32 bytes (AES-256), got " + bytes.length);
            }
            this.bytes = bytes.clone();
            this.keyId = Digests.sha256(bytes).substring(0, 16);
        }

        public static Key of(byte[] bytes) {
            return new Key(bytes);
        }

        /** A key file holding 32 raw bytes, or their Base64 on one line. */
        public static Key fromFile(Path file) throws IOException {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length == 32) {
                return new Key(raw);
            }
            return fromBase64(new String(raw, StandardCharsets.US_ASCII).strip(), "key file " + file.getFileName());
        }

        /** An environment variable holding the key in Base64. */
        public static Key fromEnv(String variable) {
            String v = System.getenv(variable);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("environment variable " + variable + " is not set");
            }
            return fromBase64(v.strip(), "environment variable " + variable);
        }

        /** A key in Base64 (44 characters); {@code where} names its source in the error, never the value. */
        public static Key fromBase64(String b64, String where) {
            try {
                return new Key(Base64.getDecoder().decode(b64));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " does not hold a Base64 256-bit key");
            }
        }

        public String keyId() {
            return keyId;
        }
    }

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final DataSource dataSource;
    private final AuditLedger ledger;
    private final Key key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MessageArchive(DataSource dataSource, AuditLedger ledger, Key key, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
    }

    /** Archives a raw message inside the caller's transaction. */
    public Stored store(Connection tx, Direction direction, String partnerId, String messageId, String exchangeId,
                        byte[] raw) throws SQLException {
        if (partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("archived message needs a partner id");
        }
        String id = UUID.randomUUID().toString();
        String digest = Digests.sha256(raw);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what the column keeps
        byte[] ct = crypt(Cipher.ENCRYPT_MODE, nonce, aad(AAD_VERSION, id, partnerId, digest, direction.name(),
                messageId, now), raw);
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO message_archive (archive_id, partner_id, direction, "
                + "message_id, exchange_id, digest, size_bytes, stored_at, key_id, nonce, ciphertext, aad_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, partnerId);
            ps.setString(3, direction.name());
            ps.setString(4, messageId);
            ps.setString(5, exchangeId);
            ps.setString(6, digest);
            ps.setInt(7, raw.length);
            ps.setObject(8, Jdbc.utc(now));
            ps.setString(9, key.keyId());
            ps.setBytes(10, nonce);
            ps.setBytes(11, ct);
            ps.setInt(12, AAD_VERSION);
            ps.executeUpdate();
        }
        return new Stored(id, partnerId, direction, messageId, exchangeId, digest, raw.length, now);
    }

    /** Archives a raw message in a transaction of its own. */
    public Stored store(Direction direction, String partnerId, String messageId, String exchangeId, byte[] raw) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Stored s = store(c, direction, partnerId, messageId, exchangeId, raw);
                c.commit();
                return s;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("archiving a message failed: " + e.getMessage(), e);
        }
    }

    /** The exact bytes archived; fails if the ciphertext, its binding or the digest do not check out. */
    public byte[] read(String archiveId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT partner_id, digest, key_id, nonce, ciphertext, aad_version, direction, message_id, stored_at "
                        + "FROM message_archive WHERE archive_id = ?")) {
            ps.setString(1, archiveId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no archived message " + archiveId);
                }
                if (!key.keyId().equals(rs.getString(3))) {
                    throw new StoreException("archived message " + archiveId + " was encrypted with another key ("
                            + rs.getString(3) + ")");
                }
                String digest = rs.getString(2);
                byte[] plain = crypt(Cipher.DECRYPT_MODE, rs.getBytes(4), aad(rs.getInt(6), archiveId, rs.getString(1),
                        digest, rs.getString(7), rs.getString(8), Jdbc.instant(rs, "stored_at")), rs.getBytes(5));
                if (!Digests.sha256(plain).equals(digest)) {
                    throw new StoreException("archived message " + archiveId + " does not match its digest");
                }
                return plain;
            }
        } catch (SQLException e) {
            throw new StoreException("reading archived message failed: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every archived message older than its partner's retention ({@code retentionByPartner}, else
     * {@code defaultRetention}; a partner with neither is kept) and appends one {@code MESSAGE_PURGED} event per
     * message with its digest, all in one transaction.
     */
    public PurgeResult purge(Map<String, Duration> retentionByPartner, Duration defaultRetention, String actor) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> partners = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT partner_id FROM message_archive");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        partners.add(rs.getString(1));
                    }
                }
                List<String> purged = new ArrayList<>();
                for (String partner : partners) {
                    Duration keep = retentionByPartner.getOrDefault(partner, defaultRetention);
                    if (keep == null) {
                        continue;
                    }
                    purgePartner(c, partner, now.minus(keep), actor, purged);
                }
                c.commit();
                return new PurgeResult(purged.size(), purged);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("archive purge failed: " + e.getMessage(), e);
        }
    }

    /** Purges one partner's messages older than {@code retention}. */
    public PurgeResult purge(String partnerId, Duration retention, String actor) {
        return purge(Map.of(partnerId, retention), null, actor);
    }

    private void purgePartner(Connection c, String partner, Instant cutoff, String actor, List<String> purged)
            throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT archive_id, message_id, exchange_id, digest, direction "
                + "FROM message_archive WHERE partner_id = ? AND stored_at < ? ORDER BY stored_at FOR UPDATE")) {
            ps.setString(1, partner);
            ps.setObject(2, Jdbc.utc(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
        }
        // the deletes in one batch and their events in one append: one lock and write of the chain head per partner
        List<AuditEvent> events = new ArrayList<>(rows.size());
        try (PreparedStatement del = c.prepareStatement("DELETE FROM message_archive WHERE archive_id = ?")) {
            for (String[] r : rows) {
                del.setString(1, r[0]);
                del.addBatch();
                events.add(new AuditEvent(null, actor, AuditAction.MESSAGE_PURGED.name(), null, r[2], r[1], partner, null,
                        null, r[3], "OK", null));
                purged.add(r[0]);
            }
            if (!rows.isEmpty()) {
                del.executeBatch();
            }
        }
        ledger.appendAll(c, events);
    }

    /** The version of the associated data new rows are written with (column {@code aad_version}). */
    static final int AAD_VERSION = 2;

    /**
     * The associated data of a row: version 1 (rows from before V7) the archive id, partner and digest; version 2
     * also the direction, message id and stored-at, each field length-prefixed so no two rows' fields run together
     * into the same bytes.
     */
    static byte[] aad(int version, String id, String partner, String digest, String direction, String messageId,
                      Instant storedAt) {
        if (version == 1) {
            return (id + "|" + partner + "|" + digest).getBytes(StandardCharsets.UTF_8);
        }
        if (version != 2) {
            throw new StoreException("archived message " + id + " has an unknown associated-data version " + version);
        }
        StringBuilder b = new StringBuilder("v2");
        for (String field : new String[]{id, partner, digest, direction, messageId,
                storedAt == null ? null : String.valueOf(storedAt.getEpochSecond() * 1_000_000 + storedAt.getNano() / 1_000)}) {
            b.append('|').append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] aad, byte[] in) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.bytes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in);
        } catch (GeneralSecurityException e) {
            throw new StoreException("archive " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed (wrong key or altered ciphertext)", e);
        }
    }
}
