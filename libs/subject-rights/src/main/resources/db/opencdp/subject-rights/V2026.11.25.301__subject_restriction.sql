-- Subjects whose processing is restricted (GDPR Art. 18), and why. A subject can be restricted on two bases at
-- once: an Art. 18 request, and a legal hold after an erasure that kept records a retention law requires.
CREATE TABLE subject_restriction (
    subject_id   uuid        NOT NULL,
    basis        text        NOT NULL CHECK (basis IN ('ART18_REQUEST', 'LEGAL_HOLD')),
    since        timestamptz NOT NULL DEFAULT now(),
    until        date,
    request_id   uuid        NOT NULL,
    PRIMARY KEY (subject_id, basis)
);
