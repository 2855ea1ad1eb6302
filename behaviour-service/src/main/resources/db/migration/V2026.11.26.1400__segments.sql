-- Saved segment definitions (typed criteria, compiled to SQL with bind parameters) and their members by subject id
-- only: no names or contact data are copied here.
CREATE TABLE segment (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    criteria      jsonb       NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    refreshed_at  timestamptz,
    members       int         NOT NULL DEFAULT 0
);

CREATE TABLE segment_member (
    segment_id  uuid NOT NULL REFERENCES segment (id) ON DELETE CASCADE,
    subject_id  uuid NOT NULL,
    PRIMARY KEY (segment_id, subject_id)
);
CREATE INDEX segment_member_subject ON segment_member (subject_id);
