SELECT * FROM nodes WHERE name = :name
