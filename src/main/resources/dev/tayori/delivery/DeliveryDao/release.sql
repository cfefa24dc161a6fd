-- Hands back rows this sender claimed but did not try (the server went away): no attempt is
-- counted against them.
UPDATE deliveries SET state = 'planned', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
WHERE lease_owner = :owner AND state = 'sending'
