-- What was done, written once it is done, for the next `inbox check` that meets the message again.
UPDATE inbound_messages SET outcome = :outcome WHERE message_key = :key
