-- Keyset paging by id: stable and fast however long the list grows.
-- Erased readers (anonymous placeholders kept for the reports) are no longer readers: left out.
SELECT * FROM subscribers WHERE id > :afterId AND erased_at IS NULL ORDER BY id LIMIT :limit
