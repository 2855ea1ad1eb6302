-- The audit trail: who read or changed which subject's personal data, what they did and why.
-- It holds no personal data of the subject beyond the subject id, so it survives the subject's erasure as
-- accountability evidence (GDPR Art. 5(2)). Each subject's entries form a hash chain (see AuditEntryHash):
-- entry_hash = SHA-256 over previous_hash and the entry's fields, so a changed or removed entry is detected.
CREATE TABLE audit_entry (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id    uuid        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor         text        NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
    actor_kind    text        NOT NULL CHECK (actor_kind IN ('USER', 'SERVICE', 'ANONYMOUS')),
    action        text        NOT NULL CHECK (char_length(action) BETWEEN 1 AND 100),
    purpose       text        NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 200),
    previous_hash bytea       CHECK (octet_length(previous_hash) = 32),
    entry_hash    bytea       NOT NULL CHECK (octet_length(entry_hash) = 32)
);

-- A subject's trail in chain order; entry_hash is included so finding a chain's last hash reads the index only.
CREATE INDEX audit_entry_subject_chain ON audit_entry (subject_id, id) INCLUDE (entry_hash);

-- Append-only. The table owner could drop this guard, so it is no security boundary (the hash chain is the
-- evidence); it stops application code, such as a careless erasure handler, from changing the trail by mistake.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
