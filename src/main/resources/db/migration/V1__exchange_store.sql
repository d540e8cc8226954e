-- Exchange state store. One schema for H2 (embedded) and PostgreSQL (production).
-- Migrations numbered V1, V3, V5... belong to the exchange store; V2.x to the audit ledger.

CREATE TABLE notice (
    notice_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    national_file_number VARCHAR(64)  NOT NULL,
    version              INTEGER      NOT NULL,
    requested_action     VARCHAR(16)  NOT NULL,
    priority             VARCHAR(16)  NOT NULL,
    handling_code        VARCHAR(2)   NOT NULL,
    legal_basis          VARCHAR(256) NOT NULL,
    submitted_by         VARCHAR(128) NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    content_digest       VARCHAR(64)  NOT NULL,
    content              BYTEA        NOT NULL,
    approval_state       VARCHAR(16)  NOT NULL,
    approved_by          VARCHAR(128),
    approved_at          TIMESTAMP WITH TIME ZONE
);

CREATE TABLE exchange (
    exchange_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    notice_id        VARCHAR(64)  NOT NULL REFERENCES notice (notice_id),
    partner_id       VARCHAR(64)  NOT NULL,
    direction        VARCHAR(8)   NOT NULL,
    state            VARCHAR(24)  NOT NULL,
    message_id       VARCHAR(128) NOT NULL UNIQUE,
    conversation_id  VARCHAR(128) NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       VARCHAR(1024),
    sent_digest      VARCHAR(64),
    receipt_digest   VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX exchange_notice ON exchange (notice_id);
CREATE INDEX exchange_partner_state ON exchange (partner_id, state);
