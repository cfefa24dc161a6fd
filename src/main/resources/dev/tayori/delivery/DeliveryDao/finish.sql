-- failed or cancelled: final, with the reason the operator will read.
UPDATE deliveries SET state = :state, finished_at = :at, last_error = :error, lease_owner = NULL, lease_until = NULL
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
