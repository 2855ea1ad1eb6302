-- Order per subject, parking after repeated rejections (issue 9). See libs/outbox/README.md.
--
-- The relay no longer sends a subscriber's events strictly oldest first: an event waits only for the earlier
-- undelivered events of its own subject, so one event a receiver keeps rejecting no longer holds up the events of
-- every other subject (customer.deleted among them).
--
-- rejections: answers that refused the event itself (HTTP 4xx other than 401, 403, 408 and 429). After
-- opencdp.outbox.park-after-rejections of them the delivery is parked (parked_at set): the relay stops trying it,
-- the later events of the same subject wait behind it, and an operator replays it
-- (POST /api/v1/outbox/parked/{eventId}/replay), which clears parked_at and rejections.
ALTER TABLE outbox_delivery
    ADD COLUMN rejections integer     NOT NULL DEFAULT 0 CHECK (rejections >= 0),
    ADD COLUMN parked_at  timestamptz CHECK (parked_at IS NULL OR delivered_at IS NULL);

CREATE INDEX outbox_delivery_parked ON outbox_delivery (subscriber, event_id) WHERE parked_at IS NOT NULL;
