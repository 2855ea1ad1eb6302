-- One data key per subject, wrapped (AES-GCM) by the master key named in master_key_id. Deleting a row is
-- crypto-shredding: every copy of that subject's encrypted fields, backups included, becomes unreadable.
CREATE TABLE subject_key (
    subject_id     uuid        PRIMARY KEY,
    master_key_id  text        NOT NULL,
    wrapped_key    bytea       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subject_key_master_key ON subject_key (master_key_id);
