-- Art. 16: a rectification's receipt is kept by request id like the others, so a repeated call changes nothing more.
ALTER TABLE subject_rights_receipt DROP CONSTRAINT subject_rights_receipt_action_check;
ALTER TABLE subject_rights_receipt ADD CONSTRAINT subject_rights_receipt_action_check
    CHECK (action IN ('ERASURE', 'RESTRICTION', 'RESTRICTION_LIFTED', 'RECTIFICATION'));
