SELECT MAX(id) FROM (SELECT id FROM subscribers WHERE id > :afterId ORDER BY id LIMIT :batch) AS b
