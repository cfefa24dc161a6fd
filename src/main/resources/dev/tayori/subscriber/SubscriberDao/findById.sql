SELECT * FROM subscribers WHERE id = :id
