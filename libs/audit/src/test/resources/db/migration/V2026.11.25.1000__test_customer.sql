-- A stand-in for a service's customer table, so tests can change personal data and record it in the audit trail.
CREATE TABLE test_customer (
    id    uuid PRIMARY KEY,
    name  text NOT NULL,
    email text NOT NULL
);
