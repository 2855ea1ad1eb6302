-- Double opt-in confirmation mails still to send. A row is written in the transaction that records the
-- GRANT_PENDING entry, so a mail is never lost when SMTP is down; the address stays encrypted in the ledger entry
-- and the token is created only when the mail is sent (only its hash goes to opt_in_token).
CREATE TABLE opt_in_mail (
    pending_entry_id uuid        PRIMARY KEY,
    holder_type      text        NOT NULL,
    holder_id        uuid        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz
);
CREATE INDEX opt_in_mail_due ON opt_in_mail (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX opt_in_mail_holder ON opt_in_mail (holder_type, holder_id);
