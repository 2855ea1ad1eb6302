-- Retention policies per data category (issue 13). The categories are the ids every service names in its purge
-- categories (libs/subject-rights); a policy is versioned: a change appends a new version, the newest is in force.
-- The versions are append-only, so the table is also the record of who changed which period when (accountability,
-- GDPR Art. 5(2)): the audit trail (libs/audit) is per subject and a policy concerns no subject.
CREATE TABLE retention_category (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text NOT NULL
);

CREATE TABLE retention_policy_version (
    category                  text        NOT NULL REFERENCES retention_category (id),
    version                   integer     NOT NULL CHECK (version >= 1),
    -- An ISO 8601 period (P13M, P8Y, P90D); the service refuses zero and negative ones.
    period                    text        NOT NULL,
    start_event               text        NOT NULL,
    round_to_end_of_year      boolean     NOT NULL,
    legal_reference           text        NOT NULL,
    review_with_legal_counsel boolean     NOT NULL,
    review_note               text,
    changed_by                text        NOT NULL,
    changed_at                timestamptz NOT NULL,
    PRIMARY KEY (category, version)
);

CREATE FUNCTION refuse_change_of_retention_policy_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'retention policy versions are append-only: put a new version' USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER retention_policy_version_is_append_only BEFORE UPDATE OR DELETE ON retention_policy_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_retention_policy_version();
CREATE TRIGGER retention_policy_version_is_not_truncated BEFORE TRUNCATE ON retention_policy_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_retention_policy_version();

-- The German defaults, version 1 of each. Every one is marked for review with legal counsel: the periods follow the
-- statutes named, but when a period starts and whether a record falls under it is the controller's assessment.
-- This migration is never edited; the dpo changes a policy through the API (a new version).
INSERT INTO retention_category (id, description) VALUES
    ('inactive-customer-profile', 'A customer''s profile (master data, contact links, copies in other services) '
                                  || 'after the customer was last active'),
    ('tracking-raw-events', 'Web tracking events of visitors and known subjects'),
    ('tracking-daily-aggregates', 'Page views per page and day, without visitor or subject ids'),
    ('abandoned-carts', 'Shop carts that were neither ordered nor emptied'),
    ('booking-vouchers', 'Orders, invoices and other booking vouchers (Buchungsbelege)'),
    ('books-and-annual-statements', 'Books, inventories, annual financial statements and management reports'),
    ('commercial-letters', 'Commercial letters and e-mails received and copies of those sent (Handelsbriefe)'),
    ('call-records', 'Records of phone calls with customers (time, agent, notes)'),
    ('expired-leads', 'Prospective customers in the sales pipeline that nobody worked on, with their follow-ups'),
    ('consent-proofs', 'The consent ledger: consents, withdrawals and objections with their proof'),
    ('audit-trail', 'Who read or changed which subject''s data, when and why (subject ids only)');

INSERT INTO retention_policy_version (category, version, period, start_event, round_to_end_of_year, legal_reference,
                                      review_with_legal_counsel, review_note, changed_by, changed_at)
VALUES
    ('inactive-customer-profile', 1, 'P3Y', 'the customer''s last activity (order, contact, change)', true,
     'GDPR Art. 5(1)(e), 17(1)(a); BGB §§195, 199 (regular limitation period of claims from the relationship)', true,
     'No statute fixes this period: three years to the end of the year follows the limitation period of claims; '
     || 'records a statute requires (orders, letters) are kept under their own category.',
     'system:shipped-defaults', now()),
    ('tracking-raw-events', 1, 'P13M', 'the event was recorded', false,
     'GDPR Art. 5(1)(e); § 25 TDDDG with GDPR Art. 6(1)(a) (consent for web analytics)', true,
     'Thirteen months allows a year-on-year comparison; shorten it if the analysis needs less.',
     'system:shipped-defaults', now()),
    ('tracking-daily-aggregates', 1, 'P25M', 'the day the aggregate counts', false,
     'GDPR Art. 5(1)(e) (no personal data in the aggregates; kept for two-year comparisons)', true,
     'The aggregates hold counts per page and day only; the period is a business choice.',
     'system:shipped-defaults', now()),
    ('abandoned-carts', 1, 'P90D', 'the cart''s last change', false,
     'GDPR Art. 5(1)(c), (e); Art. 6(1)(b) (the cart serves the purchase only)', true,
     'A cart not ordered within 90 days has lost its purpose; shorten it if reminders are not sent.',
     'system:shipped-defaults', now()),
    ('booking-vouchers', 1, 'P8Y', 'the end of the calendar year of the booking (order, invoice)', true,
     'AO §147(1) Nr. 4, (3) and (4); HGB §257(1) Nr. 4, (4) and (5)', true,
     'Eight years for booking vouchers since 2025 (Bürokratieentlastungsgesetz IV); check whether tax audits '
     || 'still running extend it (AO §147(3) sentence 5).',
     'system:shipped-defaults', now()),
    ('books-and-annual-statements', 1, 'P10Y', 'the end of the calendar year of the last entry or of the statement', true,
     'AO §147(1) Nr. 1, (3) and (4); HGB §257(1) Nr. 1, (4) and (5)', true,
     'No service holds these yet; listed so the record of processing names the period.',
     'system:shipped-defaults', now()),
    ('commercial-letters', 1, 'P6Y', 'the end of the calendar year the letter was received or sent', true,
     'HGB §257(1) Nr. 2, 3, (4) and (5); AO §147(1) Nr. 2, 3, 5, (3) and (4)', true,
     'Only letters that prepare, conclude or undo a business fall under it; other correspondence follows the '
     || 'customer profile.',
     'system:shipped-defaults', now()),
    ('call-records', 1, 'P6M', 'the call ended', false,
     'GDPR Art. 5(1)(e); no statutory duty (a call that concludes a business is a commercial letter)', true,
     'Six months covers complaints about a call; choose with legal counsel and the works council.',
     'system:shipped-defaults', now()),
    ('expired-leads', 1, 'P12M', 'the lead was last worked on (a change, a stage move or a follow-up)', false,
     'GDPR Art. 5(1)(e), 6(1)(f) (legitimate interest in acquisition lapses when nobody pursues the lead)', true,
     'Twelve months without any work on a lead; shorten for cold-call sources, with legal counsel.',
     'system:shipped-defaults', now()),
    ('consent-proofs', 1, 'P3Y', 'the last entry of the holder in the consent ledger, to the end of that year', true,
     'GDPR Art. 7(1), 5(2), 17(3)(e); BGB §§195, 199 (claims about processing become time-barred after three '
     || 'years from the end of the year)', true,
     'Kept as evidence of consent after it ended or after an erasure; review whether UWG §7 claims need longer.',
     'system:shipped-defaults', now()),
    ('audit-trail', 1, 'P3Y', 'the entry was recorded, deleted a whole calendar year at a time', true,
     'GDPR Art. 5(2), 24 (accountability); BGB §§195, 199 (claims that an access was unlawful become time-barred)',
     true,
     'Three years to the end of the year covers the limitation period of claims arising from an access; the '
     || 'trail holds subject ids only.',
     'system:shipped-defaults', now());
