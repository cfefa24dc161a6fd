-- A signed token names a delivery we made; this only guards against one removed since.
SELECT COUNT(*) FROM deliveries WHERE id = :id
