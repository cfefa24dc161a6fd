-- Unsubscribing stops every sequence where it is; finished ones stay finished.
UPDATE enrollments SET state = 'stopped', next_due_at = NULL
WHERE subscriber_id = :subscriberId AND state = 'active'
