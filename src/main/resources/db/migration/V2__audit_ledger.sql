-- Tamper-evident audit ledger (issue 5). One schema for H2 (embedded) and PostgreSQL (production).
-- Every event carries its sequence number, the hash of its canonical form chained to the previous
-- event's hash (see ca.passage.ledger.ChainHash), and no personal data: ids, digests and codes only.

CREATE TABLE audit_event (
    seq            BIGINT       NOT NULL PRIMARY KEY,
    event_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(128) NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    notice_id      VARCHAR(64),
    exchange_id    VARCHAR(64),
    message_id     VARCHAR(128),
    partner_id     VARCHAR(64),
    legal_basis    VARCHAR(256),
    handling_code  VARCHAR(8),
    digest         VARCHAR(128),
    outcome        VARCHAR(32),
    error_code     VARCHAR(64),
    prev_hash      VARCHAR(64)  NOT NULL,
    event_hash     VARCHAR(64)  NOT NULL
);

CREATE INDEX audit_event_time ON audit_event (event_time);
CREATE INDEX audit_event_partner ON audit_event (partner_id, event_time);
CREATE INDEX audit_event_notice ON audit_event (notice_id);
CREATE INDEX audit_event_exchange ON audit_event (exchange_id);

-- The single chain head: every append locks this row (SELECT ... FOR UPDATE), so appends from
-- several gateway nodes on one database are serialised into one chain.
CREATE TABLE audit_chain_head (
    id                  INTEGER     NOT NULL PRIMARY KEY,
    head_seq            BIGINT      NOT NULL,
    head_hash           VARCHAR(64) NOT NULL,
    last_checkpoint_seq BIGINT      NOT NULL,
    last_checkpoint_at  TIMESTAMP WITH TIME ZONE
);

INSERT INTO audit_chain_head (id, head_seq, head_hash, last_checkpoint_seq, last_checkpoint_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, NULL);

-- Signed checkpoints: the gateway key's signature over (seq, head hash, signed_at).
CREATE TABLE audit_checkpoint (
    seq         BIGINT        NOT NULL PRIMARY KEY,
    head_hash   VARCHAR(64)   NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    algorithm   VARCHAR(32)   NOT NULL,
    key_id      VARCHAR(64)   NOT NULL,
    signature   VARCHAR(2048) NOT NULL
);
