-- Deliveries stay as counts for the reports (they point at the anonymous placeholder row); an SMTP
-- error often quotes the address, so it goes; mail not yet sent is cancelled, never sent.
UPDATE deliveries
SET last_error = NULL,
    state = CASE WHEN state IN ('planned', 'sending') THEN 'cancelled' ELSE state END,
    lease_owner = NULL, lease_until = NULL
WHERE subscriber_id = :id
