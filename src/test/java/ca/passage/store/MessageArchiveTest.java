package ca.passage.store;

import ca.passage.testing.MutableClock;

import ca.passage.ledger.AuditLedger;
import ca.passage.ledger.AuditQuery;
import ca.passage.ledger.AuditSearch;
import ca.passage.ledger.ChainHash;
import ca.passage.store.StoreException;
import ca.passage.ledger.LedgerVerifier;
import ca.passage.testing.TestDb;
import ca.passage.testing.TestKeys;

import ca.passage.store.MessageArchive;

import ca.passage.store.MessageArchive.Direction;
import ca.passage.testing.TestDb.Backend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class MessageArchiveTest {

    static final TestKeys KEYS = TestKeys.generate();
    static final byte[] MESSAGE = "<env:Envelope><Signature>the-signed-payload-XYZ</Signature></env:Envelope>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    public static MessageArchive.Key randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return MessageArchive.Key.of(k);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void messagesAreEncryptedAtRestAndReadBackExactly(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            MutableClock clock = new MutableClock(Instant.now());
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer());
            MessageArchive archive = new MessageArchive(db.ds(), ledger, randomKey(), clock);
            MessageArchive.Stored s = archive.store(Direction.SENT, "FR-PN", "M-1", "X-1", MESSAGE);
            assertThat(s.digest()).isEqualTo(ChainHash.sha256Hex(MESSAGE));
            try (Connection c = db.ds().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ciphertext FROM message_archive")) {
                rs.next();
                byte[] stored = rs.getBytes(1);
                assertThat(indexOf(stored, "the-signed-payload".getBytes(StandardCharsets.UTF_8))).isNegative();
                assertThat(stored).isNotEqualTo(MESSAGE);
                assertThat(stored.length).isEqualTo(MESSAGE.length + 16); // GCM tag
            }
            assertThat(archive.read(s.archiveId())).isEqualTo(MESSAGE);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aWrongKeyOrAlteredCiphertextIsRefused(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), java.time.Clock.systemUTC(), KEYS.signer());
            byte[] k = new byte[32];
            MessageArchive archive = new MessageArchive(db.ds(), ledger, MessageArchive.Key.of(k), java.time.Clock.systemUTC());
            String id = archive.store(Direction.RECEIVED, "EUROPOL", "M-2", null, MESSAGE).archiveId();
            k[0] = 1;
            MessageArchive other = new MessageArchive(db.ds(), ledger, MessageArchive.Key.of(k), java.time.Clock.systemUTC());
            assertThatThrownBy(() -> other.read(id)).isInstanceOf(StoreException.class).hasMessageContaining("another key");
            db.sql("UPDATE message_archive SET partner_id = 'FR-PN'");
            assertThatThrownBy(() -> archive.read(id)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("altered ciphertext");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theAssociatedDataCoversDirectionMessageIdAndStoredAt(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            AuditLedger ledger = new AuditLedger(db.ds(), java.time.Clock.systemUTC(), KEYS.signer());
            MessageArchive archive = new MessageArchive(db.ds(), ledger, randomKey(), java.time.Clock.systemUTC());
            for (String alteration : List.of("direction = 'SENT'", "message_id = 'M-other'",
                    "stored_at = stored_at + INTERVAL '1' SECOND")) {
                String id = archive.store(Direction.RECEIVED, "EUROPOL", "M-2", null, MESSAGE).archiveId();
                assertThat(archive.read(id)).isEqualTo(MESSAGE);
                db.sql("UPDATE message_archive SET " + alteration + " WHERE archive_id = '" + id + "'");
                assertThatThrownBy(() -> archive.read(id)).as(alteration).isInstanceOf(StoreException.class)
                        .hasMessageContaining("altered ciphertext");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void entriesWrittenBeforeTheWiderAssociatedDataAreStillReadable(Backend backend) throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            byte[] k = new byte[32];
            new java.security.SecureRandom().nextBytes(k);
            MessageArchive archive = new MessageArchive(db.ds(), new AuditLedger(db.ds(), java.time.Clock.systemUTC(),
                    KEYS.signer()), MessageArchive.Key.of(k), java.time.Clock.systemUTC());
            // a row as the archive wrote it before V7: AAD = archive id | partner | digest, version 1
            String digest = ca.passage.envelope.Digests.sha256(MESSAGE);
            byte[] nonce = new byte[12];
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(k, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            c.updateAAD(("old-1|EUROPOL|" + digest).getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(MESSAGE);
            try (Connection conn = db.ds().getConnection(); var ps = conn.prepareStatement("INSERT INTO message_archive "
                    + "(archive_id, partner_id, direction, message_id, digest, size_bytes, stored_at, key_id, nonce, "
                    + "ciphertext, aad_version) VALUES ('old-1', 'EUROPOL', 'RECEIVED', 'M-1', ?, ?, ?, ?, ?, ?, 1)")) {
                ps.setString(1, digest);
                ps.setInt(2, MESSAGE.length);
                ps.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                ps.setString(4, MessageArchive.Key.of(k).keyId());
                ps.setBytes(5, nonce);
                ps.setBytes(6, ct);
                ps.executeUpdate();
            }
            assertThat(archive.read("old-1")).isEqualTo(MESSAGE);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void purgeDeletesOnlyWhatIsPastEachPartnersRetentionAndRecordsEachPurgeWithItsDigest(Backend backend)
            throws Exception {
        try (TestDb db = TestDb.create(backend)) {
            MutableClock clock =
                    new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
            AuditLedger ledger = new AuditLedger(db.ds(), clock, KEYS.signer());
            MessageArchive archive = new MessageArchive(db.ds(), ledger, randomKey(), clock);
            MessageArchive.Stored oldFr = archive.store(Direction.SENT, "FR-PN", "M-1", "X-1", MESSAGE);
            MessageArchive.Stored oldEu = archive.store(Direction.SENT, "EUROPOL", "M-2", "X-2", MESSAGE);
            clock.set(Instant.parse("2025-01-02T00:00:00Z"));
            MessageArchive.Stored oldFr2 = archive.store(Direction.RECEIVED, "FR-PN", "M-4", "X-1", "receipt".getBytes());
            clock.set(Instant.parse("2025-03-01T00:00:00Z"));
            MessageArchive.Stored newFr = archive.store(Direction.RECEIVED, "FR-PN", "M-3", "X-1", "ack".getBytes());
            clock.set(Instant.parse("2025-03-15T00:00:00Z"));

            MessageArchive.PurgeResult r = archive.purge(Map.of("FR-PN", Duration.ofDays(30),
                    "EUROPOL", Duration.ofDays(365)), null, "system:retention");

            assertThat(r.archiveIds()).containsExactly(oldFr.archiveId(), oldFr2.archiveId());
            assertThatThrownBy(() -> archive.read(oldFr.archiveId())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> archive.read(oldFr2.archiveId())).isInstanceOf(IllegalArgumentException.class);
            assertThat(archive.read(oldEu.archiveId())).isEqualTo(MESSAGE);
            assertThat(archive.read(newFr.archiveId())).isEqualTo("ack".getBytes());
            var purges = new AuditSearch(db.ds()).search(AuditQuery.all().action("MESSAGE_PURGED")).items();
            assertThat(purges).extracting(rec -> rec.event().messageId(), rec -> rec.event().digest())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("M-1", oldFr.digest()),
                            org.assertj.core.groups.Tuple.tuple("M-4", oldFr2.digest()));
            assertThat(purges).allSatisfy(rec -> {
                assertThat(rec.event().partnerId()).isEqualTo("FR-PN");
                assertThat(rec.event().actor()).isEqualTo("system:retention");
            });
            assertThat(new LedgerVerifier(KEYS.verifier()).verify(db.ds()).intact()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void theKeyComesFromAKeyFileOrAnEnvironmentVariableAndMustBe256Bits() throws Exception {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Path raw = tmp.resolve("raw.key");
        Files.write(raw, k);
        Path b64 = tmp.resolve("b64.key");
        Files.writeString(b64, Base64.getEncoder().encodeToString(k) + "\n");
        assertThat(MessageArchive.Key.fromFile(raw).keyId()).isEqualTo(MessageArchive.Key.fromFile(b64).keyId());
        Files.write(raw, new byte[16]);
        assertThatThrownBy(() -> MessageArchive.Key.fromFile(raw)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageArchive.Key.fromEnv("PASSAGE_TEST_SURELY_UNSET_VARIABLE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
