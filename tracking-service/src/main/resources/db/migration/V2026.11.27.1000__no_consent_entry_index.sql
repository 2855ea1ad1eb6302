-- Every index on tracked_event costs each inserted row; this one served only the deletion of a revoked entry's
-- events, which now looks the events up by their holder (the entry's visitor or subject, through
-- tracked_event_visitor or tracked_event_subject) and filters on the entry: revocations are rare, inserts are the
-- volume. The indexes left: the primary key (id, received_at); tracked_event_visitor (visitor_id, client_time) for
-- the resend check, a visitor's events (revocation, erasure, export, the 360° summary); tracked_event_subject for a
-- subject's (partial: only rows with a subject pay for it).
DROP INDEX tracked_event_consent_entry;
