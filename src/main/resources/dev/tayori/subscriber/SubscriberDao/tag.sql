-- Tagging twice is harmless.
INSERT INTO subscriber_tags (subscriber_id, tag) VALUES (:subscriberId, :tag)
ON CONFLICT (subscriber_id, tag) DO NOTHING
