-- Carts in any currency the rate table covers, like orders: kept as sent, valued in the reporting currency at the rate
-- of the cart's last change (its UTC date), set when the shop changes the cart and again when an admin sets or
-- corrects a rate for that date. Carts so far were all in the reporting currency, whose rate is 1.
ALTER TABLE cart ADD COLUMN reporting_rate numeric(20, 10) NOT NULL DEFAULT 1 CHECK (reporting_rate > 0);
