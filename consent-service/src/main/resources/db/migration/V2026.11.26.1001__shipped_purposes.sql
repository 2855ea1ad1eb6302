-- The four purposes every installation starts with, each with German and English text in version 1. The dpo
-- adapts them through the API (a new version); this migration is never edited.
INSERT INTO purpose (id, legal_basis, direct_marketing, double_opt_in, data_categories, retention, retention_period, created_at)
VALUES
    ('newsletter', 'CONSENT', true, true, ARRAY['contact-data', 'consent-proof'],
     'until the consent is revoked', NULL, now()),
    ('web-analytics', 'CONSENT', false, false, ARRAY['usage-data', 'device-data'],
     '14 months after collection', 'P14M', now()),
    ('personalisation', 'CONSENT', false, false, ARRAY['usage-data', 'interests'],
     'until the consent is revoked', NULL, now()),
    ('phone-marketing', 'CONSENT', true, false, ARRAY['contact-data', 'consent-proof'],
     'until the consent is revoked', NULL, now());

INSERT INTO purpose_version (purpose_id, version, created_at, created_by)
SELECT id, 1, now(), 'system:shipped-defaults' FROM purpose;

INSERT INTO purpose_text (purpose_id, version, language, title, body, text_hash)
SELECT t.purpose_id, 1, t.language, t.title, t.body,
       encode(sha256(convert_to(normalize(t.title || E'\n\n' || t.body, NFC), 'UTF8')), 'hex')
  FROM (VALUES
    ('newsletter', 'de', 'Newsletter',
     'Ich möchte den Newsletter mit Angeboten und Neuigkeiten per E-Mail erhalten. Meine Einwilligung kann ich jederzeit mit Wirkung für die Zukunft widerrufen, z. B. über den Abmeldelink in jeder E-Mail.'),
    ('newsletter', 'en', 'Newsletter',
     'I would like to receive the newsletter with offers and news by e-mail. I can withdraw my consent at any time with effect for the future, e.g. through the unsubscribe link in every e-mail.'),
    ('web-analytics', 'de', 'Webanalyse',
     'Wir messen, wie unsere Website genutzt wird (besuchte Seiten, Gerät, ungefähre Herkunft), um sie zu verbessern. Die Daten werden pseudonym gespeichert und nach 14 Monaten gelöscht. Widerruf jederzeit in den Cookie-Einstellungen.'),
    ('web-analytics', 'en', 'Web analytics',
     'We measure how our website is used (pages visited, device, approximate origin) to improve it. The data is stored under a pseudonym and deleted after 14 months. Withdraw at any time in the cookie settings.'),
    ('personalisation', 'de', 'Personalisierung',
     'Wir nutzen mein Verhalten auf der Website und meine Interessen, um mir passende Inhalte und Empfehlungen zu zeigen. Widerruf jederzeit mit Wirkung für die Zukunft.'),
    ('personalisation', 'en', 'Personalisation',
     'We use my behaviour on the website and my interests to show me suitable content and recommendations. Withdraw at any time with effect for the future.'),
    ('phone-marketing', 'de', 'Telefonische Werbung',
     'Ich bin einverstanden, dass ich telefonisch über Angebote informiert werde. Meine Einwilligung kann ich jederzeit mit Wirkung für die Zukunft widerrufen.'),
    ('phone-marketing', 'en', 'Phone marketing',
     'I agree to be informed about offers by phone. I can withdraw my consent at any time with effect for the future.')
  ) AS t (purpose_id, language, title, body);
