-- The change an event describes, in miniature.
CREATE TABLE test_change (
    subject_id uuid PRIMARY KEY
);
