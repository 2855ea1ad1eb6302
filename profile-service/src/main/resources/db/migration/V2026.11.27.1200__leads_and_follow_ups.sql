-- Leads: prospective customers in the sales pipeline. A lead is a data subject from the start: its id is the subject
-- id (with its own data key), and converting it creates the customer with the same id, so everything keyed by the
-- subject id (follow-ups, the timeline) stays with it. The personal fields are one JSON document encrypted with the
-- lead's key; after the conversion the customer holds them and the lead keeps only its pipeline facts (details NULL).
CREATE TABLE lead (
    id               uuid        PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('PERSON', 'COMPANY')),
    source           text        NOT NULL,
    stage            text        NOT NULL CHECK (stage IN ('NEW', 'CONTACTED', 'QUALIFIED', 'PROPOSAL', 'WON', 'LOST')),
    version          bigint      NOT NULL,
    details          bytea,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    last_touched_at  timestamptz NOT NULL,
    converted_at     timestamptz,
    CHECK ((converted_at IS NULL) = (details IS NOT NULL))
);
CREATE INDEX lead_stage ON lead (stage, id);
-- The expiry job looks for leads not converted and untouched since a cut-off.
CREATE INDEX lead_untouched ON lead (last_touched_at) WHERE converted_at IS NULL;

-- Follow-up reminders on a customer or a lead, by subject id (no foreign key: the subject is either, and a lead's
-- follow-ups stay when it becomes a customer with the same id). The note is encrypted with the subject's key; the
-- owner is the agent's login name.
CREATE TABLE follow_up (
    id            uuid        PRIMARY KEY,
    subject_id    uuid        NOT NULL,
    owner         text        NOT NULL,
    due_date      date        NOT NULL,
    note          bytea,
    done          boolean     NOT NULL DEFAULT false,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);
CREATE INDEX follow_up_subject ON follow_up (subject_id);
-- "My due follow-ups": an agent's open ones in due order.
CREATE INDEX follow_up_open_by_owner ON follow_up (owner, due_date, id) WHERE NOT done;
