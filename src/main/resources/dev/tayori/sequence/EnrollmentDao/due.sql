-- Served by the partial index enrollments_due; the join re-checks that the subscriber still wants
-- mail, so an enrollment left active by mistake never plans mail to an unsubscribed address.
SELECT e.id AS enrollment_id, e.subscriber_id, e.next_step, e.next_due_at, s.time_zone, e.round
FROM enrollments e JOIN subscribers s ON s.id = e.subscriber_id
WHERE e.sequence_id = :sequenceId AND e.state = 'active' AND e.next_due_at <= :at AND s.status = 'confirmed'
ORDER BY e.next_due_at, e.id
LIMIT :limit
