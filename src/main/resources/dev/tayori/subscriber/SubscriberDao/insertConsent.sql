-- Consent records are only ever appended: the history is the evidence.
INSERT INTO consent_records (subscriber_id, event, at, source, origin, user_agent, form_version)
VALUES (:subscriberId, :event, :at, :source, :origin, :userAgent, :formVersion)
