-- An erased reader's row is an anonymous placeholder kept for the reports (erasure/): never listed.
-- Every reader the filter matches, as ids only: counted for the confirmation page ("N人に...") and
-- acted on by a bulk tag or unsubscribe. The same conditions as page.sql, so the count said is the
-- set acted on.
SELECT s.id FROM subscribers s
LEFT JOIN enrollments e ON e.subscriber_id = s.id AND e.sequence_id = :sequence
WHERE s.erased_at IS NULL
  AND (CAST(:pattern AS TEXT) IS NULL OR LOWER(s.email) LIKE LOWER(:pattern) ESCAPE '!'
        OR LOWER(s.name) LIKE LOWER(:pattern) ESCAPE '!')
  AND (CAST(:status AS TEXT) IS NULL OR s.status = :status)
  AND (CAST(:tag AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM subscriber_tags t WHERE t.subscriber_id = s.id AND t.tag = :tag))
  AND (CAST(:place AS TEXT) IS NULL
        OR (:place = 'none' AND e.id IS NULL)
        OR (:place = 'finished' AND e.state = 'finished')
        OR (:place = 'active' AND e.state = 'active' AND (CAST(:lesson AS INTEGER) IS NULL OR e.next_step = :lesson)))
ORDER BY s.id
