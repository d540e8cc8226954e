-- Inbound messages from partners: the replay memory (survives restarts) and the origin of inbound notices.

CREATE TABLE seen_message (
    partner_id  VARCHAR(64)  NOT NULL,
    message_id  VARCHAR(128) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, message_id)
);

ALTER TABLE notice ADD COLUMN origin_partner VARCHAR(64);

-- The operators' kill-switch: a suspended partner gets nothing more (its queue holds) and is refused inbound.
CREATE TABLE partner_suspension (
    partner_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    suspended_by VARCHAR(128) NOT NULL,
    suspended_at TIMESTAMP WITH TIME ZONE NOT NULL
);
