-- Approval bound to what leaves (issue 11): per exchange, the digest of the exact partner payload (translated,
-- policy applied, redacted) a supervisor approved. At send time the payload is made again; a different digest sends
-- the exchange back to PENDING_APPROVAL. No content, only the SHA-256 digest.
CREATE TABLE approved_payload (
    exchange_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    payload_digest  VARCHAR(64)  NOT NULL,
    approved_by     VARCHAR(128) NOT NULL,
    approved_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
