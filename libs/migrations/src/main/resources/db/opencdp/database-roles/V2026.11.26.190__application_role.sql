-- (issue 9) The application connects as the role <database>_app, which owns nothing; the migrations run as the
-- owner of the schema (quarkus.flyway.username). This owner's migrations run first, so every table any owner creates
-- afterwards gives the application role the ordinary rights through the default privileges below; a library takes
-- rights away where it needs to (libs/audit: INSERT and SELECT only on the audit trail). On a database of an
-- earlier release the tables exist already and get the same rights here.
-- The role must exist before the first start: the deployment creates it (Helm: CloudNativePG managed roles; the
-- local run and the tests: libs/test-support, tools/local-stack).
DO $$
DECLARE
    app text := current_database() || '_app';
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'the application role % does not exist: create it (LOGIN, no other rights) before the first start', app;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
END
$$;
