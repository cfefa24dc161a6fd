-- Hands back rows this process claimed but did not try (the server went away, a window is full):
-- no attempt is counted against them. Claims are named OWNER#BATCH.
UPDATE deliveries SET state = 'planned', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
WHERE lease_owner LIKE :owner || '#%' AND state = 'sending'
