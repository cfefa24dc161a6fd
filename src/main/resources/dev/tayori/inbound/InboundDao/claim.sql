-- Taken before anything is done about the message: a second poll (or a second node) finds the key
-- and leaves the message alone, so every message is acted on once.
INSERT INTO inbound_messages (message_key, kind, handled_at, outcome) VALUES (:key, :kind, :at, :outcome)
ON CONFLICT (message_key) DO NOTHING
