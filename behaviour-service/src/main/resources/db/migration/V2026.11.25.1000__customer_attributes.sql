-- What profile-service tells behaviour-service about each customer for segments: bands and regions only, no
-- names or contact data (data minimisation). Kept current by profile.changed / customer.deleted events.
CREATE TABLE customer_attributes (
    subject_id       uuid        PRIMARY KEY,
    kind             text        NOT NULL,
    age_band         text,
    country          text,
    postcode_region  text,
    language         text,
    industry_code    text,
    company_size     text,
    -- When profile-service made the change these attributes reflect; an older event never overwrites a newer one.
    as_of            timestamptz NOT NULL
);

-- Customers deleted in profile-service, and when: a late, older profile.changed event must not bring them back.
CREATE TABLE deleted_customer (
    subject_id  uuid        PRIMARY KEY,
    deleted_at  timestamptz NOT NULL
);
