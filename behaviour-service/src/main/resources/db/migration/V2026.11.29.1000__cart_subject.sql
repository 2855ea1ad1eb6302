-- A customer's carts by subject: the activity check of profile-service's retention of inactive profiles asks about a
-- thousand subjects at a time (cart changed since the cutoff), and erasure and export read a subject's carts. The
-- unique (shop, subject_id) index leads with the shop, so it cannot serve a lookup by subject alone.
CREATE INDEX cart_subject ON cart (subject_id, updated_at) WHERE subject_id IS NOT NULL;
