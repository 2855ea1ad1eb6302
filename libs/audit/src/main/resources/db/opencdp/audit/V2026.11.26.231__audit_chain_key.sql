-- The chain is keyed (issue 9): entry_hash of a new entry is HMAC-SHA256 under a chain key that lives outside the
-- database (OPENCDP_AUDIT_CHAIN_KEY), so someone with database access alone can no longer rewrite a chain and
-- recompute its hashes. See AuditEntryHash and libs/audit/README.md.
--
-- hash_version 1: the unkeyed SHA-256 of every entry written before this migration (key_id null);
-- hash_version 2: HMAC-SHA256 under the chain key named key_id (keys can be rotated; retired ones still verify).
-- No default: a writer must say how it hashed, and an instance of an older version refuses to write rather than
-- adding unkeyed entries after the cut-over (which the verifier would report as tampering).
ALTER TABLE audit_entry
    ADD COLUMN hash_version smallint NOT NULL DEFAULT 1,
    ADD COLUMN key_id       text;
ALTER TABLE audit_entry ALTER COLUMN hash_version DROP DEFAULT;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_hash_version CHECK (
    (hash_version = 1 AND key_id IS NULL)
    OR (hash_version = 2 AND key_id ~ '^[A-Za-z0-9._-]{1,20}$'));

-- Where unkeyed entries end: an unkeyed entry above this id is a forgery (someone recomputed an entry without the
-- key), not a legacy entry. One row, written here once.
CREATE TABLE audit_unkeyed_entries (
    only_row      boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_entry_id bigint  NOT NULL
);
INSERT INTO audit_unkeyed_entries (last_entry_id) SELECT coalesce(max(id), 0) FROM audit_entry;

-- Where a subject's chain starts after the deletion of whole expired audit periods (the retention purge, run as
-- the owner role): the first remaining entry and the previous hash it links to. The verifier accepts a chain that
-- starts at its checkpoint and verifies every entry from there. The purge writes (or replaces) the row of every
-- subject that keeps entries, in the same transaction as the deletion; the rule is in libs/audit/README.md.
CREATE TABLE audit_chain_checkpoint (
    subject_id     uuid        PRIMARY KEY,
    first_entry_id bigint      NOT NULL,
    previous_hash  bytea       NOT NULL CHECK (octet_length(previous_hash) = 32),
    -- Every entry of the subject before this time was deleted; the first remaining entry is not older.
    deleted_before timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
