-- The end of the next id range to plan; empty when there are no more subscribers.
SELECT MAX(id) FROM (SELECT id FROM subscribers WHERE id > :afterId ORDER BY id LIMIT :batch) AS b
