-- Satisfaction answers: CSAT (1-5) or NPS (0-10), one measure per answer. The free text is encrypted with the
-- customer's key; score, source and time are in clear for the aggregate reports. Each answer also stands on the
-- timeline as a FEEDBACK entry (timeline_entry_id); about_entry_id is the call or ticket it rates, if any.
CREATE TABLE customer_feedback (
    id                 uuid        PRIMARY KEY,
    subject_id         uuid        NOT NULL,
    measure            text        NOT NULL CHECK (measure IN ('CSAT', 'NPS')),
    score              smallint    NOT NULL,
    comment            bytea,
    source             text        NOT NULL CHECK (source IN ('SURVEY_LINK', 'AFTER_CALL', 'AFTER_TICKET', 'AGENT')),
    answered_at        timestamptz NOT NULL,
    about_entry_id     uuid        REFERENCES timeline_entry (id) ON DELETE SET NULL,
    timeline_entry_id  uuid        NOT NULL REFERENCES timeline_entry (id) ON DELETE CASCADE,
    recorded_at        timestamptz NOT NULL,
    CHECK ((measure = 'CSAT' AND score BETWEEN 1 AND 5) OR (measure = 'NPS' AND score BETWEEN 0 AND 10))
);
CREATE INDEX customer_feedback_subject ON customer_feedback (subject_id);
CREATE INDEX customer_feedback_answered ON customer_feedback (answered_at);
CREATE INDEX customer_feedback_timeline_entry ON customer_feedback (timeline_entry_id);
CREATE INDEX customer_feedback_about_entry ON customer_feedback (about_entry_id);
