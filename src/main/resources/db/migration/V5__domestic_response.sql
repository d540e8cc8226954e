-- The domestic side's business responses to partners' notices: recorded first, then delivered (and retried)
-- until the partner's signed receipt comes back, so an answer given is never lost.

CREATE TABLE domestic_response (
    response_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    notice_id            VARCHAR(64)   NOT NULL REFERENCES notice (notice_id),
    partner_id           VARCHAR(64)   NOT NULL,
    inbound_exchange_id  VARCHAR(64)   NOT NULL,
    message_id           VARCHAR(128)  NOT NULL UNIQUE,
    status               VARCHAR(16)   NOT NULL,
    error_code           VARCHAR(64),
    description          VARCHAR(1024),
    recorded_by          VARCHAR(128)  NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    attempts             INTEGER       NOT NULL DEFAULT 0,
    last_error           VARCHAR(1024),
    next_attempt_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP WITH TIME ZONE,
    receipt_digest       VARCHAR(64)
);

CREATE INDEX domestic_response_pending ON domestic_response (state, next_attempt_at);
