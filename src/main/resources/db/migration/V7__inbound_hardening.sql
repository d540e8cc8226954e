-- Inbound hardening (issue 12).
-- The replay memory keeps the answer each accepted message got (the signed receipt, or an empty 200), written in the
-- transaction of the message's effect: a duplicate is answered with that same answer (AS4 reception awareness), and
-- a message whose processing failed was never remembered, so the partner's retry is processed. Rows from before this
-- migration have no answer: a duplicate of one is refused as REPLAY, as it was.
ALTER TABLE seen_message ADD COLUMN answer_type VARCHAR(128);
ALTER TABLE seen_message ADD COLUMN answer BYTEA;

-- The archive's associated data (AES-GCM AAD) version: 1 binds archive id, partner and digest; 2 also direction,
-- message id and stored-at. Rows from before this migration are version 1 and stay readable.
ALTER TABLE message_archive ADD COLUMN aad_version INTEGER DEFAULT 1 NOT NULL;
