-- SubscriberDao/insertConsent.sql for the import: positional, prepared once per import.
-- subscriber_id, at, source, origin
INSERT INTO consent_records (subscriber_id, event, at, source, origin, user_agent, form_version)
VALUES (?, 'recorded-by-operator', ?, ?, ?, NULL, NULL)
