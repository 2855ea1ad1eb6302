-- A task a service refused for good (a 4xx answer: an unknown route, a state the service will not change, a
-- misconfigured service account) is FAILED instead of being retried forever. Its request stays open and needs the
-- dpo's attention; the dpo retries the task explicitly, which makes it PENDING again.
ALTER TABLE subject_request_task DROP CONSTRAINT subject_request_task_status_check;
ALTER TABLE subject_request_task ADD CONSTRAINT subject_request_task_status_check
    CHECK (status IN ('PENDING', 'DONE', 'FAILED'));
CREATE INDEX subject_request_task_failed ON subject_request_task (request_id) WHERE status = 'FAILED';
