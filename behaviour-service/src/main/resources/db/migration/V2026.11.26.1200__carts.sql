-- A shop's current cart of a customer (subject) or of a visitor not yet known as one; replaced whole on each change.
CREATE TABLE cart (
    id          uuid           PRIMARY KEY,
    shop        text           NOT NULL,
    subject_id  uuid,
    visitor_id  text,
    currency    char(3)        NOT NULL,
    value       numeric(19, 4) NOT NULL CHECK (value >= 0),
    lines       jsonb          NOT NULL,
    updated_at  timestamptz    NOT NULL,
    CHECK ((subject_id IS NULL) <> (visitor_id IS NULL)),
    UNIQUE (shop, subject_id),
    UNIQUE (shop, visitor_id)
);
CREATE INDEX cart_updated ON cart (updated_at, id);
