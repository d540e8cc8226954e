-- A notice's lifecycle with partners (issue 11, item 6). V8 (V7 is left to the hardening work).
-- An exchange says what it carries: the notice itself (NOTICE), an updated version that supersedes an earlier one
-- (UPDATE), or a withdrawal, deletion or correction request about a notice the partner already holds. The existing
-- states serve every kind; ref_message_id is the message the exchange refers to (the notice message the partner
-- received), lifecycle_reason the officer's (or partner's) reason code. No content, only ids and codes.
ALTER TABLE exchange ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'NOTICE';
ALTER TABLE exchange ADD COLUMN ref_message_id VARCHAR(128);
ALTER TABLE exchange ADD COLUMN lifecycle_reason VARCHAR(32);
CREATE INDEX exchange_ref_message ON exchange (ref_message_id);

-- A notice's own lifecycle: the version it supersedes, and whether it was withdrawn, superseded, or (an inbound
-- notice) is to be deleted or corrected at its sender's request. Null lifecycle_state: the notice is current.
ALTER TABLE notice ADD COLUMN supersedes VARCHAR(64);
ALTER TABLE notice ADD COLUMN lifecycle_state VARCHAR(24);
ALTER TABLE notice ADD COLUMN lifecycle_reason VARCHAR(32);
ALTER TABLE notice ADD COLUMN lifecycle_at TIMESTAMP WITH TIME ZONE;
