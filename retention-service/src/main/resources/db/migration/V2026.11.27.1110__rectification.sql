-- Art. 16 rectification: the corrected fields as the dpo entered them (a JSON merge patch of profile-service's
-- customer). The patch is personal data: it is kept only until the request completes (the corrected values then
-- live in profile-service), and goes with an erasure of the subject.
ALTER TABLE subject_request DROP CONSTRAINT subject_request_type_check;
ALTER TABLE subject_request ADD CONSTRAINT subject_request_type_check
    CHECK (type IN ('ACCESS', 'ERASURE', 'RESTRICTION', 'LIFT_RESTRICTION', 'PORTABILITY', 'OBJECTION',
                    'RECTIFICATION'));
ALTER TABLE subject_request ADD COLUMN rectification jsonb;
