-- The deliveries that hold up later events of their subject (issue 8): undelivered and either parked or not yet due
-- (in their backoff, or leased to a relay that is sending them). The relay reads them once per lease, through this
-- index and outbox_delivery_parked, instead of looking for them again for every candidate event, which made a
-- backlog of n events cost n² (a fill of 10,000 customers stalled the relay for minutes).
CREATE INDEX outbox_delivery_waiting ON outbox_delivery (subscriber, next_attempt_at) WHERE delivered_at IS NULL;
