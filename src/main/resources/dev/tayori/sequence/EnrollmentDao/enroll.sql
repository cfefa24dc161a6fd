-- One enrollment per subscriber and sequence, ever: a reader who signs up again does not get the
-- workbook a second time. Step 1 is due at the confirmation instant.
INSERT INTO enrollments (subscriber_id, sequence_id, state, enrolled_at, next_step, next_due_at)
VALUES (:subscriberId, :sequenceId, 'active', :at, 1, :at)
ON CONFLICT (subscriber_id, sequence_id) DO NOTHING
