-- The key database (issue 9): one row per subject, in a database of its own whose backups are kept only for a short
-- window, never in the service's data database or its backups.
-- A live row holds the subject's data key, wrapped (AES-GCM) by the master key named in master_key_id. Erasure turns
-- it into a tombstone: the key is gone, erased_at says when, and the row stays so that no new key can ever be made
-- for that subject id (a late write cannot bring personal data back). A tombstone holds no personal data.
CREATE TABLE subject_key (
    subject_id     uuid        PRIMARY KEY,
    master_key_id  text,
    wrapped_key    bytea,
    created_at     timestamptz NOT NULL DEFAULT now(),
    erased_at      timestamptz,
    CONSTRAINT subject_key_live_or_tombstone CHECK (
        (erased_at IS NULL AND master_key_id IS NOT NULL AND wrapped_key IS NOT NULL)
        OR (erased_at IS NOT NULL AND master_key_id IS NULL AND wrapped_key IS NULL))
);
-- The rewrap job looks for live keys under an older master key.
CREATE INDEX subject_key_master_key ON subject_key (master_key_id) WHERE erased_at IS NULL;

-- A tombstone is final: nothing turns it back into a key.
CREATE FUNCTION subject_key_tombstone_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'subject % was erased: its tombstone cannot be changed', OLD.subject_id
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER subject_key_tombstone_is_final
    BEFORE UPDATE ON subject_key
    FOR EACH ROW WHEN (OLD.erased_at IS NOT NULL) EXECUTE FUNCTION subject_key_tombstone_is_final();

-- The application's role (<database>_app) makes, reads, rewraps and erases keys, never deletes a row: a tombstone
-- cannot be removed by the application.
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', current_database() || '_app');
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON subject_key TO %I', current_database() || '_app');
END
$$;
