-- A version once kept is never rewritten: it is what the readers who signed up under it saw.
INSERT INTO consent_wordings (form_version, wording, first_seen_at) VALUES (:version, :wording, :at)
ON CONFLICT (form_version) DO NOTHING
