-- Readers still subscribed in the sequence, by enrollment state: 'active' ones reach an added step
-- at its place, 'finished' ones only if the operator includes them.
SELECT COUNT(*) FROM enrollments e JOIN subscribers s ON s.id = e.subscriber_id
WHERE e.sequence_id = :sequenceId AND e.state = :state AND s.status = 'confirmed'
