INSERT INTO erasures (erased_at, via) VALUES (:at, :via)
