-- The purpose catalog: what a consent (or another legal basis) is for. A purpose's texts are versioned: a consent
-- points to the version and language the person saw, so a version and its texts are never changed (trigger).
CREATE TABLE purpose (
    id               text        PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(id) <= 64),
    legal_basis      text        NOT NULL CHECK (legal_basis IN ('CONSENT', 'CONTRACT', 'LEGITIMATE_INTEREST', 'LEGAL_OBLIGATION')),
    direct_marketing boolean     NOT NULL,
    double_opt_in    boolean     NOT NULL,
    data_categories  text[]      NOT NULL,
    retention        text        NOT NULL,
    -- ISO-8601 period after collection; null when the data lives as long as the consent.
    retention_period text,
    created_at       timestamptz NOT NULL,
    -- Double opt-in proves an e-mail address; only a consent purpose can need it.
    CHECK (NOT double_opt_in OR legal_basis = 'CONSENT')
);

CREATE TABLE purpose_version (
    purpose_id  text        NOT NULL REFERENCES purpose (id),
    version     integer     NOT NULL CHECK (version > 0),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    PRIMARY KEY (purpose_id, version)
);

-- One text per language of a version. text_hash is the lowercase hex SHA-256 of the canonical form: the UTF-8
-- bytes of NFC(title || E'\n\n' || body). A consent's proof must carry the same hash.
CREATE TABLE purpose_text (
    purpose_id  text    NOT NULL,
    version     integer NOT NULL,
    language    text    NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
    title       text    NOT NULL,
    body        text    NOT NULL,
    text_hash   text    NOT NULL CHECK (text_hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (purpose_id, version, language),
    FOREIGN KEY (purpose_id, version) REFERENCES purpose_version (purpose_id, version)
);

CREATE FUNCTION refuse_change_of_published_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a purpose version is never changed: publish a new version' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER purpose_version_is_immutable BEFORE UPDATE ON purpose_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_published_text();
CREATE TRIGGER purpose_text_is_immutable BEFORE UPDATE ON purpose_text
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_published_text();
