-- Moves an enrollment on to its next step. "AND next_step = ?" makes advancing idempotent: a second
-- planner that read the same row changes nothing, so a step is never skipped or planned twice.
-- next_step, next_due_at, state, last_step_at; id, the step read
UPDATE enrollments SET next_step = ?, next_due_at = ?, state = ?, last_step_at = ?
WHERE id = ? AND next_step = ? AND state = 'active'
