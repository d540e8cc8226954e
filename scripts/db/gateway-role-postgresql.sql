-- The gateway's PostgreSQL role, with the audit ledger append-only for it. Run as the owner of the schema
-- (the role Flyway migrates with), in the gateway's database and schema, after the migrations:
--     psql "postgresql://owner@db.internal/passage" -f scripts/db/gateway-role-postgresql.sql
--     ALTER ROLE passage_gateway PASSWORD '...';      -- then: ./passage run --db-user passage_gateway ...
-- Run it again after a migration that adds tables. The gateway then connects as passage_gateway: Flyway finds
-- the schema current and changes nothing.
--
-- What it gives:  every operational table: SELECT, INSERT, UPDATE, DELETE (states move, the archive is purged);
--                 audit_event, audit_checkpoint: SELECT and INSERT only - no UPDATE, no DELETE, no TRUNCATE;
--                 audit_chain_head (the one-row append lock and head pointer): SELECT and UPDATE only.
-- What it does not stop: the schema owner or a superuser. See docs/ledger.md, "What the ledger protects against".

DO $$
BEGIN
    CREATE ROLE passage_gateway LOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- the role exists (another schema, or a second run)
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO passage_gateway', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO passage_gateway',
                   current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO passage_gateway', current_schema());
END
$$;

REVOKE ALL ON audit_event, audit_checkpoint FROM passage_gateway;
GRANT SELECT, INSERT ON audit_event, audit_checkpoint TO passage_gateway;

REVOKE ALL ON audit_chain_head FROM passage_gateway;
GRANT SELECT, UPDATE ON audit_chain_head TO passage_gateway;
