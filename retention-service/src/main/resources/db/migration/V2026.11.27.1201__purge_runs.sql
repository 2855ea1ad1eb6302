-- Purge runs (issue 13): retention-service sends every policy in force to every participant, which deletes (or in a
-- dry run counts) what has expired in its own data and reports per category. A run and its participants are stored
-- before any call, with the policies and the cutoff time sent, so a participant that did not answer is asked again
-- later with exactly the same order (the run id is the participant's idempotency key).
CREATE TABLE purge_run (
    id            uuid        PRIMARY KEY,
    dry_run       boolean     NOT NULL,
    as_of         timestamptz NOT NULL,
    started_by    text        NOT NULL,
    started_at    timestamptz NOT NULL,
    -- The day a scheduled run is for: one per day, however many replicas fire the schedule.
    scheduled_for date        UNIQUE,
    -- The policies sent: [{category, version, period, startEvent, roundToEndOfYear}].
    policies      jsonb       NOT NULL,
    outcome       text        CHECK (outcome IN ('COMPLETE', 'PARTIAL')),
    finished_at   timestamptz
);
CREATE INDEX purge_run_started ON purge_run (started_at DESC);

CREATE TABLE purge_run_participant (
    run_id      uuid        NOT NULL REFERENCES purge_run (id),
    participant text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'ANSWERED', 'FAILED')),
    attempts    integer     NOT NULL DEFAULT 0,
    -- An HTTP status or an exception class, never a response body.
    last_error  text,
    -- The participant's report: per category expired, deleted and the policy version, and what it does not hold.
    report      jsonb,
    answered_at timestamptz,
    PRIMARY KEY (run_id, participant)
);
