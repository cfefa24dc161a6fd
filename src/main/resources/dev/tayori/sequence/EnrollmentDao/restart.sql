-- A new round from step 1, due at once. Only the operator does this (subscribers restart-workbook).
UPDATE enrollments SET round = round + 1, next_step = 1, next_due_at = :at, state = 'active', enrolled_at = :at
WHERE subscriber_id = :subscriberId AND sequence_id = :sequenceId
