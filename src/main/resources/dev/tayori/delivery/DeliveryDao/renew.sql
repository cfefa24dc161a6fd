-- Taken just before a mail leaves: the lease now covers this one send, not the whole batch. If the
-- row waited in the queue past its lease and another sender claimed it, nothing matches and this
-- sender skips it, so the two never both send it.
UPDATE deliveries SET lease_until = :leaseUntil
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
