-- Single use: the used_at check makes a second press of the same link change nothing.
UPDATE confirmations SET used_at = :at WHERE id = :id AND used_at IS NULL
