-- SubscriberDao/tag.sql for the import: positional, prepared once per import. Tagging twice is harmless.
INSERT INTO subscriber_tags (subscriber_id, tag) VALUES (?, ?)
ON CONFLICT (subscriber_id, tag) DO NOTHING
