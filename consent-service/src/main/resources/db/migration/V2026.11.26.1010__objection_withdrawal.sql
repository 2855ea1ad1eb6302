-- An objection (Art. 21) can be withdrawn: an OBJECTION_WITHDRAWN entry of the subject, pointing to the OBJECTION
-- it ends (refers_to). The objection entry stays as evidence; only the subject_objection projection row goes.
ALTER TABLE consent_entry DROP CONSTRAINT consent_entry_action_check;
ALTER TABLE consent_entry ADD CONSTRAINT consent_entry_action_check CHECK (action IN
    ('GRANT', 'GRANT_PENDING', 'CONFIRM', 'REVOKE', 'OBJECTION', 'OBJECTION_WITHDRAWN', 'LINK'));

-- The unnamed table checks of V2026.11.26.1002, in their order there: purpose only on purpose actions; objections
-- only of subjects. Both now name the withdrawal too.
ALTER TABLE consent_entry DROP CONSTRAINT consent_entry_check;
ALTER TABLE consent_entry ADD CONSTRAINT consent_entry_purpose_check
    CHECK ((action IN ('OBJECTION', 'OBJECTION_WITHDRAWN', 'LINK')) = (purpose_id IS NULL));
ALTER TABLE consent_entry DROP CONSTRAINT consent_entry_check3;
ALTER TABLE consent_entry ADD CONSTRAINT consent_entry_objection_check
    CHECK (action NOT IN ('OBJECTION', 'OBJECTION_WITHDRAWN') OR holder_type = 'SUBJECT');
ALTER TABLE consent_entry ADD CONSTRAINT consent_entry_withdrawal_check
    CHECK (action <> 'OBJECTION_WITHDRAWN' OR refers_to IS NOT NULL);
