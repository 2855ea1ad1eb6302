-- Data-subject requests (GDPR Art. 12-21) as the dpo files them, and one task per participating service. A task is
-- committed before any call to its service, so nothing is lost when retention-service stops: the worker claims due
-- tasks with a lease, and a lease of a worker that died expires and is claimed again.
CREATE TABLE subject_request (
    id                     uuid        PRIMARY KEY,
    type                   text        NOT NULL CHECK (type IN ('ACCESS', 'ERASURE', 'RESTRICTION', 'LIFT_RESTRICTION',
                                                                'PORTABILITY', 'OBJECTION')),
    subject_id             uuid        NOT NULL,
    channel                text        NOT NULL,
    received_on            date        NOT NULL,
    due_on                 date        NOT NULL,
    state                  text        NOT NULL CHECK (state IN ('RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED',
                                                                 'REJECTED')),
    -- Identity verification: who, how, when. Never a copy of an identity document.
    verified_by            text,
    verification_method    text,
    verified_at            timestamptz,
    -- Art. 12(3): an extension needs a reason and a notice to the person within the first month.
    extension_reason       text,
    extension_notice_on    date,
    rejection_reason       text,
    filed_by               text        NOT NULL,
    filed_at               timestamptz NOT NULL,
    completed_at           timestamptz
);
CREATE INDEX subject_request_open ON subject_request (due_on) WHERE state IN ('RECEIVED', 'VERIFIED', 'IN_PROGRESS');

CREATE TABLE subject_request_task (
    request_id       uuid        NOT NULL REFERENCES subject_request (id),
    participant      text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    attempts         integer     NOT NULL DEFAULT 0,
    -- An HTTP status or an exception class, never a response body.
    last_error       text,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    -- The service's answer: its receipt, or its export for an access or portability request.
    result           jsonb,
    done_at          timestamptz,
    PRIMARY KEY (request_id, participant)
);
CREATE INDEX subject_request_task_due ON subject_request_task (next_attempt_at) WHERE status = 'PENDING';
