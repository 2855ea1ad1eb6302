-- The communication timeline: calls, e-mails, letters, tickets, meetings, notes and feedback answers per customer.
-- Summary, agent and the other system's reference are encrypted with the customer's key (libs/personal-data).
-- No foreign key to customer: on erasure, business letters (HGB §257) are kept under a legal hold with their last
-- day in retained_until, while the customer row goes; profile-service deletes every other entry itself.
CREATE TABLE timeline_entry (
    id                  uuid        PRIMARY KEY,
    subject_id          uuid        NOT NULL,
    channel             text        NOT NULL
        CHECK (channel IN ('CALL', 'EMAIL', 'LETTER', 'TICKET', 'MEETING', 'NOTE', 'FEEDBACK')),
    direction           text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    occurred_at         timestamptz NOT NULL,
    duration_seconds    integer     CHECK (duration_seconds >= 0),
    agent               bytea       NOT NULL,
    summary             bytea,
    source              text        NOT NULL,
    external_reference  bytea,
    -- Keyed hash (HMAC) of source and external reference: a second write of the same reference finds the first.
    reference_hash      bytea       UNIQUE,
    business_letter     boolean     NOT NULL,
    recorded_at         timestamptz NOT NULL,
    retained_until      date
);
-- Pages newest first per customer.
CREATE INDEX timeline_entry_subject ON timeline_entry (subject_id, occurred_at DESC, id DESC);
