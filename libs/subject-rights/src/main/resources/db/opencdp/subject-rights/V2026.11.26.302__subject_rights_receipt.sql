-- The receipt of every erasure, restriction and lifting, by the data-subject request it answered: a repeated call
-- with the same request id (retention-service retries until it has an answer) returns the first receipt instead of
-- doing the work again with a different result. The subject id is not stored (the caller names it again), so an
-- erased subject leaves no trace here; the receipts are accountability records of what was done (GDPR Art. 5(2)).
CREATE TABLE subject_rights_receipt (
    request_id   uuid        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('ERASURE', 'RESTRICTION', 'RESTRICTION_LIFTED')),
    report       jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, action)
);
