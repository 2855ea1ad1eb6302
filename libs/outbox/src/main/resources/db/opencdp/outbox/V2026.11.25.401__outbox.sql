-- Transactional outbox (producer side) and inbox (receiver side). See libs/outbox/README.md.

-- A fact this service publishes, written in the same transaction as the change it describes. Ids are UUIDv7:
-- time-ordered, so inserts append to the index and "ORDER BY id" is "ORDER BY occurred_at" (to the millisecond).
-- The payload may hold personal data: housekeeping deletes an event once every subscriber has had it for
-- opencdp.outbox.keep-delivered, and an erasure deletes a subject's delivered events at once.
CREATE TABLE outbox_event (
    id          uuid        PRIMARY KEY,
    type        text        NOT NULL CHECK (char_length(type) <= 100
                                            AND type ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    subject_id  uuid,       -- null for facts about no one subject, e.g. retention.policy-changed
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL
);

CREATE INDEX outbox_event_subject ON outbox_event (subject_id) WHERE subject_id IS NOT NULL;

-- One row per event and subscriber interested in its type, created with the event.
--
-- Why a row per delivery rather than a per-subscriber cursor ("delivered up to event X"): a cursor over ids
-- loses events, because ids are taken when a transaction writes, not when it commits. A transaction holding an
-- older id can commit after the cursor has passed a newer one, and its event would never be sent. A row per
-- delivery cannot be skipped, carries its own attempts and error for operators, and its absence (once an event
-- is delivered everywhere) is what lets housekeeping delete the payload.
--
-- The relay sends a subscriber's deliveries oldest first and only while the oldest is due (head of line), so a
-- subscriber that is down gets one batch per backoff period and later events never overtake earlier ones.
CREATE TABLE outbox_delivery (
    event_id        uuid        NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
    subscriber      text        NOT NULL CHECK (subscriber ~ '^[a-z][a-z0-9]{0,49}$'),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Due time; while a batch is being sent it is pushed out by a lease, so no other replica picks it up.
    next_attempt_at timestamptz NOT NULL,
    last_attempt_at timestamptz,
    -- An HTTP status ("503") or an exception class, never a response body or message: they may echo payloads.
    last_error      text        CHECK (char_length(last_error) <= 300),
    delivered_at    timestamptz,
    PRIMARY KEY (event_id, subscriber)
);

-- The relay's queue: a subscriber's undelivered events in event order.
CREATE INDEX outbox_delivery_pending ON outbox_delivery (subscriber, event_id) WHERE delivered_at IS NULL;

-- Event ids a receiving service has handled, so an event delivered twice (at least once!) is handled once.
-- Holds no personal data; rows older than opencdp.outbox.keep-received are deleted.
CREATE TABLE inbox_event (
    event_id    uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL
);

CREATE INDEX inbox_event_received ON inbox_event (received_at);
