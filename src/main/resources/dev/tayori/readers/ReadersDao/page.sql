-- An erased reader's row is an anonymous placeholder kept for the reports (erasure/): never listed.
-- One page of the readers the operator's filter matches, over the whole list (never only the page
-- shown). Each filter is off when its parameter is NULL, so one portable statement serves every
-- combination. LOWER() on both sides because SQLite's LIKE ignores ASCII case and PostgreSQL's does
-- not; the pattern comes escaped with ! (Jdbi's parser eats a backslash) so a typed % or _ matches itself.
SELECT s.* FROM subscribers s
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
  AND s.id > :afterId
ORDER BY s.id
LIMIT :limit OFFSET :offset
