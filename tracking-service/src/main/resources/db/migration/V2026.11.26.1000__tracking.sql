-- tracking-service: websites, consent-gated web events, visitor links.
-- No direct identifiers: events are keyed on visitor ids (random, first party) and subject ids; no IP address and
-- no full user agent is ever stored.

-- The websites that may send browser events, each with its public key and the origins its pages are served from.
CREATE TABLE site (
    site_key        text PRIMARY KEY CHECK (site_key ~ '^site_[a-z0-9_-]{1,60}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    allowed_origins text[] NOT NULL,
    created_at      timestamptz NOT NULL
);

-- Raw events, partitioned by month of receipt, so that expiry drops whole partitions instead of deleting rows.
-- Partitions are created ahead by EventPartitions (and here for the first months); the primary key must contain
-- the partition key. Every row names the consent ledger entry it was collected under.
CREATE TABLE tracked_event (
    id               uuid NOT NULL,
    received_at      timestamptz NOT NULL,
    site_key         text,
    type             text NOT NULL CHECK (type IN ('page_view', 'page_leave', 'click', 'custom')),
    visitor_id       text CHECK (visitor_id ~ '^[0-9a-f]{32}$'),
    session_id       text CHECK (session_id ~ '^[0-9a-f]{32}$'),
    subject_id       uuid,
    url              text NOT NULL,
    referrer         text,
    client_time      timestamptz NOT NULL,
    dwell_ms         bigint CHECK (dwell_ms >= 0),
    scroll_depth     smallint CHECK (scroll_depth BETWEEN 0 AND 100),
    element          text,
    name             text,
    properties       jsonb,
    browser          text NOT NULL,
    browser_major    integer,
    device_class     text NOT NULL,
    consent_entry_id uuid NOT NULL,
    CHECK (visitor_id IS NOT NULL OR subject_id IS NOT NULL),
    PRIMARY KEY (id, received_at)
) PARTITION BY RANGE (received_at);

-- Per-visitor and per-subject access and deletion (revocation, erasure, the 360° summary), the resend check
-- (visitor, session, type, client time) and deletion by consent ledger entry.
CREATE INDEX tracked_event_visitor ON tracked_event (visitor_id, client_time);
CREATE INDEX tracked_event_subject ON tracked_event (subject_id) WHERE subject_id IS NOT NULL;
CREATE INDEX tracked_event_consent_entry ON tracked_event (consent_entry_id);

-- The first partitions: the month of the migration and the two after it. EventPartitions keeps creating them ahead.
DO $$
DECLARE
    first_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    m date;
BEGIN
    FOR i IN 0..2 LOOP
        m := (first_month + make_interval(months => i))::date;
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF tracked_event FOR VALUES FROM (%L) TO (%L)',
            'tracked_event_' || to_char(m, 'YYYY_MM'),
            m::timestamp AT TIME ZONE 'UTC',
            (m + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    END LOOP;
END
$$;

-- Ledger entries revoked at consent-service. A batch whose decision came from the cache just before a revocation
-- is checked against this list in the same transaction that stores it (see ConsentRevocations).
CREATE TABLE revoked_consent_entry (
    entry_id   uuid PRIMARY KEY,
    revoked_at timestamptz NOT NULL
);

-- Events dropped for lack of consent: a number per day and source (a site key, or 'server'), nothing else.
CREATE TABLE refused_event_count (
    day    date NOT NULL,
    source text NOT NULL,
    events bigint NOT NULL CHECK (events >= 0),
    PRIMARY KEY (day, source)
);

-- A visitor identified as a subject (by profile-service, consent-service or a shop), so that erasure and the 360°
-- view find the visitor's events.
CREATE TABLE visitor_subject (
    visitor_id text PRIMARY KEY CHECK (visitor_id ~ '^[0-9a-f]{32}$'),
    subject_id uuid NOT NULL,
    linked_at  timestamptz NOT NULL
);
CREATE INDEX visitor_subject_subject ON visitor_subject (subject_id);
