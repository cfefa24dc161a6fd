-- Readers who had finished the sequence get the added step: their enrollment is active again, at
-- that step, due at :dueAt (the next morning's send time, a later day than any lesson they had).
-- Only readers still subscribed; the planner re-checks that too.
UPDATE enrollments SET state = 'active', next_step = :step, next_due_at = :dueAt
WHERE sequence_id = :sequenceId AND state = 'finished'
  AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'confirmed')
