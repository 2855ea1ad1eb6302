-- The retention category of profile-service's unmatched-ticket inbox (issue 14) and its default policy, version 1.
-- A ticket no customer matched waits for an agent to assign it; unassigned, it has lost its purpose after a while.
INSERT INTO retention_category (id, description) VALUES
    ('unmatched-tickets', 'Tickets from ticket systems that matched no customer, waiting in the inbox to be assigned');

INSERT INTO retention_policy_version (category, version, period, start_event, round_to_end_of_year, legal_reference,
                                      review_with_legal_counsel, review_note, changed_by, changed_at)
VALUES
    ('unmatched-tickets', 1, 'P90D', 'the ticket''s latest delivery from the ticket system', false,
     'GDPR Art. 5(1)(c), (e) (storage limitation: the ticket is kept only to be assigned to a customer)', true,
     'Ninety days gives agents time to assign a ticket; the ticket system keeps the conversation itself. Shorten it '
     || 'if the inbox is worked daily.',
     'system:shipped-defaults', now());
