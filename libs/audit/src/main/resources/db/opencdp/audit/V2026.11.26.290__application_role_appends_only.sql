-- (issue 9) The application's role (<database>_app, see libs/migrations' database-roles) may only append to the
-- trail and read it: no UPDATE, DELETE or TRUNCATE, whatever the default privileges gave it. Only the owner role,
-- which the application never connects as, could change entries; the append-only trigger and the hash chain stay.
-- The chain's bookkeeping (where unkeyed entries end, checkpoints left by the purge of expired periods) is the
-- owner's too: the application only reads it, so it cannot move the point up to which unkeyed entries pass.
DO $$
DECLARE
    app text := current_database() || '_app';
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry FROM %I', app);
    EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', app);
    EXECUTE format('REVOKE ALL ON audit_unkeyed_entries, audit_chain_checkpoint FROM %I', app);
    EXECUTE format('GRANT SELECT ON audit_unkeyed_entries, audit_chain_checkpoint TO %I', app);
END
$$;
