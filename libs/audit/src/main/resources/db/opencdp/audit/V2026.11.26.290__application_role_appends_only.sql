-- (issue 9) The application's role (<database>_app, see libs/migrations' database-roles) may only append to the
-- trail and read it: no UPDATE, DELETE or TRUNCATE, whatever the default privileges gave it. Only the owner role,
-- which the application never connects as, could change entries; the append-only trigger and the hash chain stay.
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_entry FROM %I',
                   current_database() || '_app');
    EXECUTE format('GRANT SELECT, INSERT ON audit_entry TO %I', current_database() || '_app');
END
$$;
