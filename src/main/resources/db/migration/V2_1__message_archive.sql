-- Raw signed messages as sent and as received, AES-256-GCM encrypted at rest (ca.passage.ledger.MessageArchive).
-- Purged per partner retention; each purge appends an audit event that keeps the digest.

CREATE TABLE message_archive (
    archive_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    partner_id   VARCHAR(64)  NOT NULL,
    direction    VARCHAR(8)   NOT NULL,
    message_id   VARCHAR(128),
    exchange_id  VARCHAR(64),
    digest       VARCHAR(64)  NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id       VARCHAR(64)  NOT NULL,
    nonce        BYTEA        NOT NULL,
    ciphertext   BYTEA        NOT NULL
);

CREATE INDEX message_archive_partner_time ON message_archive (partner_id, stored_at);
