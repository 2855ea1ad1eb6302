-- Tickets of ticket systems (Zammad, or any system speaking the generic format), one per integration and ticket id.
-- A ticket belongs to the customer its sender matched (subject_id), or waits in the unmatched-ticket inbox
-- (subject_id NULL) until an agent assigns it. Number, title and the contact the ticket system gave are personal
-- data: encrypted with the customer's key, or, in the inbox, with a key of the ticket's own (its id is the key's
-- subject id), so that the inbox's expiry destroys that key. No foreign key to customer: erasure deletes the rows.
CREATE TABLE ticket (
    id                uuid        PRIMARY KEY,
    -- Who sent it: integration:<name>, the timeline source of its articles.
    source            text        NOT NULL,
    -- Keyed hash (HMAC) of source and the ticket system's ticket id: the same ticket again finds this row.
    external_hash     bytea       NOT NULL UNIQUE,
    subject_id        uuid,
    number            bytea,
    title             bytea,
    -- Inbox only: the encrypted contact (name, e-mail, phone) the ticket system named; NULL once assigned.
    contact           bytea,
    state             text        NOT NULL CHECK (state IN ('OPEN', 'PENDING', 'CLOSED')),
    -- The ticket system's time of its last change: an older delivery arriving late changes nothing.
    updated_at        timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    -- The latest delivery: an unmatched ticket's retention period starts here.
    last_received_at  timestamptz NOT NULL,
    CHECK ((subject_id IS NULL) = (contact IS NOT NULL))
);
-- openTickets on the caller card: the customer's tickets not closed.
CREATE INDEX ticket_open_by_subject ON ticket (subject_id) WHERE state <> 'CLOSED';
-- The inbox, oldest first, and its expiry.
CREATE INDEX ticket_inbox ON ticket (received_at, id) WHERE subject_id IS NULL;
CREATE INDEX ticket_inbox_expiry ON ticket (last_received_at) WHERE subject_id IS NULL;

-- The articles (messages) of a ticket in the inbox, until it is assigned: then they become timeline entries of the
-- customer and these rows go. Summary and the article's reference are encrypted with the ticket's own key.
CREATE TABLE ticket_inbox_article (
    id                  uuid        PRIMARY KEY,
    ticket_id           uuid        NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    -- The timeline's keyed hash of source and reference: a repeated article is recognised before and after the move.
    reference_hash      bytea       NOT NULL UNIQUE,
    direction           text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    occurred_at         timestamptz NOT NULL,
    summary             bytea,
    external_reference  bytea       NOT NULL,
    received_at         timestamptz NOT NULL
);
CREATE INDEX ticket_inbox_article_ticket ON ticket_inbox_article (ticket_id, occurred_at);
