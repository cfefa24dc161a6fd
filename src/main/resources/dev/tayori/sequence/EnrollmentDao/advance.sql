-- "AND next_step = :step" makes advancing idempotent: a second planner that read the same row
-- changes nothing, so a step is never skipped or planned twice.
UPDATE enrollments SET next_step = :nextStep, next_due_at = :nextDueAt, state = :state, last_step_at = :at
WHERE id = :id AND next_step = :step AND state = 'active'
