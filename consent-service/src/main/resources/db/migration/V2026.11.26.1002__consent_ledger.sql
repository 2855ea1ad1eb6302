-- The consent ledger: append-only evidence of every grant, confirmation, revocation, objection and visitor link.
-- Nothing in it is ever updated (trigger); rows are deleted only by the retention purge once their legal hold
-- has ended. "sequence" is the order that decides: the later entry of a holder and purpose is the one in force.
CREATE TABLE consent_entry (
    id               uuid        PRIMARY KEY,
    sequence         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    holder_type      text        NOT NULL CHECK (holder_type IN ('SUBJECT', 'VISITOR')),
    holder_id        uuid        NOT NULL,
    action           text        NOT NULL
                                 CHECK (action IN ('GRANT', 'GRANT_PENDING', 'CONFIRM', 'REVOKE', 'OBJECTION', 'LINK')),
    purpose_id       text        REFERENCES purpose (id),
    purpose_version  integer,
    language         text,
    text_hash        text        CHECK (text_hash ~ '^[0-9a-f]{64}$'),
    channel          text        NOT NULL CHECK (channel IN ('WEB_FORM', 'COOKIE_BANNER', 'PHONE', 'PAPER', 'API')),
    recorded_at      timestamptz NOT NULL,
    recorded_by_kind text        NOT NULL CHECK (recorded_by_kind IN ('USER', 'SERVICE', 'SITE')),
    recorded_by      text        NOT NULL,
    proof_reference  text,
    -- CONFIRM: the pending entry confirmed; REVOKE: the entry it revoked.
    refers_to        uuid,
    -- A subject's entry made from a visitor's when they were linked: the visitor's entry holds the original proof.
    linked_from      uuid,
    -- LINK: the subject the visitor became.
    linked_subject   uuid,
    -- GRANT_PENDING: the e-mail address to confirm, encrypted with the holder's key.
    encrypted_email  bytea,
    FOREIGN KEY (purpose_id, purpose_version) REFERENCES purpose_version (purpose_id, version),
    CHECK ((action IN ('OBJECTION', 'LINK')) = (purpose_id IS NULL)),
    CHECK ((action IN ('GRANT', 'GRANT_PENDING', 'CONFIRM')) = (text_hash IS NOT NULL)),
    CHECK (action <> 'LINK' OR (holder_type = 'VISITOR' AND linked_subject IS NOT NULL)),
    CHECK (action <> 'OBJECTION' OR holder_type = 'SUBJECT')
);

CREATE INDEX consent_entry_holder ON consent_entry (holder_type, holder_id, sequence);
CREATE INDEX consent_entry_linked_subject ON consent_entry (linked_subject) WHERE linked_subject IS NOT NULL;

CREATE FUNCTION refuse_change_of_consent_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the consent ledger is append-only: record a new entry' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER consent_entry_is_append_only BEFORE UPDATE ON consent_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_consent_entry();
CREATE TRIGGER consent_entry_is_not_truncated BEFORE TRUNCATE ON consent_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_consent_entry();

-- The current state per holder and purpose, derived from the ledger in the same transaction as each entry. It moves
-- only forward: an entry with a lower sequence never replaces a higher one.
CREATE TABLE consent_state (
    holder_type text    NOT NULL,
    holder_id   uuid    NOT NULL,
    purpose_id  text    NOT NULL REFERENCES purpose (id),
    status      text    NOT NULL CHECK (status IN ('GRANTED', 'PENDING', 'REVOKED')),
    entry_id    uuid    NOT NULL,
    sequence    bigint  NOT NULL,
    PRIMARY KEY (holder_type, holder_id, purpose_id)
);

-- Subjects who objected (Art. 21), with the entry that records it.
CREATE TABLE subject_objection (
    subject_id uuid   PRIMARY KEY,
    entry_id   uuid   NOT NULL,
    sequence   bigint NOT NULL
);

-- Holders whose data was erased: their ledger entries are kept under a legal hold until hold_until, decisions
-- answer ERASED, and nothing new is recorded for them.
CREATE TABLE erased_holder (
    holder_type text        NOT NULL,
    holder_id   uuid        NOT NULL,
    erased_at   timestamptz NOT NULL,
    hold_until  date        NOT NULL,
    PRIMARY KEY (holder_type, holder_id)
);

-- Double opt-in tokens: only the SHA-256 of the token is stored; a token is used once (its row is deleted).
CREATE TABLE opt_in_token (
    token_hash       bytea       PRIMARY KEY,
    pending_entry_id uuid        NOT NULL,
    expires_at       timestamptz NOT NULL
);
CREATE INDEX opt_in_token_pending ON opt_in_token (pending_entry_id);
