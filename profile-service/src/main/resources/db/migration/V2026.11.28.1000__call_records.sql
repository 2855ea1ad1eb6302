-- The progress of a call an integration reports event by event (docs/integrations.md, "Call events"): which of the
-- call's events were applied to its timeline entry (a repeated event changes nothing) and when it was answered (a
-- hangup without a duration, as sipgate sends it, then gives the talk time). A row lives only while the call is going:
-- it is deleted when the call ends, and goes with its timeline entry (erasure, retention purge, deletion).
CREATE TABLE call_record (
    entry_id        uuid        PRIMARY KEY REFERENCES timeline_entry (id) ON DELETE CASCADE,
    subject_id      uuid        NOT NULL,
    applied_events  text        NOT NULL,
    answered_at     timestamptz
);
CREATE INDEX call_record_subject ON call_record (subject_id);
