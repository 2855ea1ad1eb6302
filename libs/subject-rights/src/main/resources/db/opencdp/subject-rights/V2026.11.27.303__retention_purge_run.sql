-- The report of every retention purge run, by its run id: a repeated run (retention-service retries until it has an
-- answer) gets the stored report and deletes nothing more, so the report always says what the run itself did. The
-- reports hold category ids and counts only, no personal data: they are the accountability record of the purge.
CREATE TABLE retention_purge_run (
    run_id       uuid        PRIMARY KEY,
    report       jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
