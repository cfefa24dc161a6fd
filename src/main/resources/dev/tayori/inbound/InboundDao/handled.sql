-- The outcome of a message handled before, if it was.
SELECT outcome FROM inbound_messages WHERE message_key = :key
