-- A purpose's attributes (legal basis, flags, data categories, retention) can be edited by the dpo. Every change is
-- kept here, append-only: who, when, and the attributes after the change (the row before it, or the purpose's
-- creation, holds what they were before). Number 0 is the state at creation.
CREATE TABLE purpose_change (
    purpose_id       text        NOT NULL REFERENCES purpose (id),
    number           integer     NOT NULL CHECK (number >= 0),
    changed_at       timestamptz NOT NULL,
    changed_by       text        NOT NULL,
    legal_basis      text        NOT NULL,
    direct_marketing boolean     NOT NULL,
    double_opt_in    boolean     NOT NULL,
    data_categories  text[]      NOT NULL,
    retention        text        NOT NULL,
    retention_period text,
    PRIMARY KEY (purpose_id, number)
);

CREATE FUNCTION refuse_change_of_purpose_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the purpose change log is append-only' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER purpose_change_is_append_only BEFORE UPDATE OR DELETE ON purpose_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_purpose_change();

-- The purposes that exist already (the shipped ones, and any the dpo added) start their log at their creation.
INSERT INTO purpose_change (purpose_id, number, changed_at, changed_by, legal_basis, direct_marketing, double_opt_in,
                            data_categories, retention, retention_period)
SELECT p.id, 0, p.created_at, v.created_by, p.legal_basis, p.direct_marketing, p.double_opt_in, p.data_categories,
       p.retention, p.retention_period
  FROM purpose p JOIN purpose_version v ON v.purpose_id = p.id AND v.version = 1;

-- A consent entry must agree with its purpose as it is when the entry is written. The service checks this when it
-- reads the purpose; this check closes the gap to a dpo's edit committed in between: the lock waits for that edit
-- (which holds the purpose's row lock), then reads the purpose as edited.
CREATE FUNCTION check_entry_against_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    basis text;
    opt_in boolean;
BEGIN
    SELECT legal_basis, double_opt_in INTO basis, opt_in FROM purpose WHERE id = NEW.purpose_id FOR KEY SHARE;
    IF NEW.action IN ('GRANT', 'GRANT_PENDING', 'CONFIRM') AND basis <> 'CONSENT' THEN
        RAISE EXCEPTION 'purpose % no longer rests on consent', NEW.purpose_id USING ERRCODE = 'check_violation';
    END IF;
    -- A grant made directly (not carried over from a visitor) is pending exactly when the purpose needs double opt-in.
    IF NEW.linked_from IS NULL AND ((NEW.action = 'GRANT' AND opt_in) OR (NEW.action = 'GRANT_PENDING' AND NOT opt_in)) THEN
        RAISE EXCEPTION 'purpose % changed its double opt-in', NEW.purpose_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER consent_entry_agrees_with_purpose BEFORE INSERT ON consent_entry
    FOR EACH ROW WHEN (NEW.purpose_id IS NOT NULL) EXECUTE FUNCTION check_entry_against_purpose();
