-- A small stand-in for a service's own data: notes about a subject, some of them invoices that commercial law
-- requires to keep.
CREATE TABLE note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id  uuid    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('NOTE', 'INVOICE')),
    body        bytea   NOT NULL
);
