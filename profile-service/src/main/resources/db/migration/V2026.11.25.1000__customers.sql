-- Customers (B2C persons, B2B companies and their contact persons). Every personal field lives in `profile`, one
-- JSON document encrypted with the customer's own data key (see libs/personal-data): a row read straight from the
-- database, or from a backup, reveals nothing, and destroying the key makes every copy unreadable.
CREATE TABLE customer (
    id          uuid        PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('PERSON', 'COMPANY')),
    version     bigint      NOT NULL,
    profile     bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Keyed blind indexes (HMAC) of normalised names, e-mail addresses, E.164 phone numbers, company names and
-- postcodes: exact and token search without decrypting the table. The primary key serves the lookups
-- (kind, hash) and keeps matches ordered by customer id for cursor paging.
CREATE TABLE customer_search_term (
    term_kind   text   NOT NULL,
    hash        bytea  NOT NULL,
    customer_id uuid   NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (term_kind, hash, customer_id)
);
CREATE INDEX customer_search_term_customer ON customer_search_term (customer_id);

-- A company's contact persons. The job title is personal data of the person, encrypted with the person's key.
CREATE TABLE company_contact (
    company_id  uuid  NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    person_id   uuid  NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    job_title   bytea,
    PRIMARY KEY (company_id, person_id)
);
CREATE INDEX company_contact_person ON company_contact (person_id);
