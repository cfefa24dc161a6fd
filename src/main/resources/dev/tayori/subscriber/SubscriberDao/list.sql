-- Keyset paging by id: stable and fast however long the list grows.
SELECT * FROM subscribers WHERE id > :afterId ORDER BY id LIMIT :limit
