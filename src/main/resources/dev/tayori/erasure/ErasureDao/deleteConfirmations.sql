-- Tokens (confirmation links) are personal: they lead to the reader.
DELETE FROM confirmations WHERE subscriber_id = :id
