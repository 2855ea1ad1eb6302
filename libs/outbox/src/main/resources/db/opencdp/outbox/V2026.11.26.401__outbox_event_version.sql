-- The version of the event's payload schema (libs/events): a consumer reads the payload as the contract record of
-- this type and version. Events written before versions existed are version 1, the first contract of each type;
-- from now on the publisher always names the version, so the column keeps no default.
ALTER TABLE outbox_event ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE outbox_event ALTER COLUMN version DROP DEFAULT;
