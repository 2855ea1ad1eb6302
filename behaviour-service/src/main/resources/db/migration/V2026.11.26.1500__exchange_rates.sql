-- Orders in other currencies than the reporting currency: kept in their own currency, counted in the reporting
-- currency at the rate of their order date. A rate holds from its day until the next rate of the same currency;
-- admins maintain the table (PUT /api/v1/exchange-rates/{currency}/{validFrom}); rates are corrected, never deleted,
-- so that every order keeps a rate.
CREATE TABLE exchange_rate (
    currency   char(3)        NOT NULL,
    valid_from date           NOT NULL,
    -- Units of the reporting currency for one unit of the currency.
    rate       numeric(20, 10) NOT NULL CHECK (rate > 0),
    set_at     timestamptz    NOT NULL,
    PRIMARY KEY (currency, valid_from)
);

-- The rate of the order's UTC date, set at import and again when an admin sets or corrects a rate for that date;
-- 1 for the reporting currency. Revenue in the reporting currency is (total - returned) x reporting_rate.
ALTER TABLE customer_order ADD COLUMN reporting_rate numeric(20, 10) NOT NULL DEFAULT 1 CHECK (reporting_rate > 0);
