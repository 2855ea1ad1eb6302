-- Orders imported by shop systems. Money is exact (numeric), one currency per order. An order is identified by the
-- shop that sent it and the shop's own order id; content_hash is the fingerprint of what the shop sent, so that a
-- resend is told apart from a conflicting second version.
CREATE TABLE customer_order (
    id               uuid           PRIMARY KEY,
    shop             text           NOT NULL,
    external_id      text           NOT NULL,
    subject_id       uuid           NOT NULL,
    ordered_at       timestamptz    NOT NULL,
    channel          text           NOT NULL,
    payment_method   text           NOT NULL,
    currency         char(3)        NOT NULL,
    discount         numeric(19, 4) NOT NULL,
    coupon           text,
    total            numeric(19, 4) NOT NULL CHECK (total >= 0),
    -- Maintained from order_adjustment: what was refunded, and when the order was cancelled.
    returned         numeric(19, 4) NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= total),
    cancelled_at     timestamptz,
    content_hash     text           NOT NULL,
    imported_at      timestamptz    NOT NULL,
    -- Set when the customer's data was erased but the order must be kept (statutory retention): from then on it
    -- serves only that duty and is left out of KPIs, segments, reports and recommendations.
    retained_until   date,
    UNIQUE (shop, external_id)
);
CREATE INDEX customer_order_subject ON customer_order (subject_id, ordered_at);
CREATE INDEX customer_order_retained ON customer_order (retained_until) WHERE retained_until IS NOT NULL;

CREATE TABLE order_line (
    order_id     uuid           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    line_no      int            NOT NULL,
    sku          text           NOT NULL,
    category     text           NOT NULL,
    quantity     int            NOT NULL CHECK (quantity > 0),
    unit_price   numeric(19, 4) NOT NULL CHECK (unit_price >= 0),
    discount     numeric(19, 4) NOT NULL CHECK (discount >= 0),
    PRIMARY KEY (order_id, line_no)
);

-- Returns and cancellations, as events on the order; each is idempotent by the shop's own id for it.
CREATE TABLE order_adjustment (
    order_id     uuid           NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    external_id  text           NOT NULL,
    kind         text           NOT NULL CHECK (kind IN ('RETURN', 'CANCELLATION')),
    occurred_at  timestamptz    NOT NULL,
    amount       numeric(19, 4) NOT NULL CHECK (amount >= 0),
    recorded_at  timestamptz    NOT NULL,
    PRIMARY KEY (order_id, external_id)
);
