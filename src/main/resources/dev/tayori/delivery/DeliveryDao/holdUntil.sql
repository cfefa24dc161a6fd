-- A sending limit holds this mail back: planned again for when the limit allows, no attempt counted.
UPDATE deliveries SET state = 'planned', next_attempt_at = :until, last_error = :reason, lease_owner = NULL,
                      lease_until = NULL, attempts = attempts - 1
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
