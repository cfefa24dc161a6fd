SELECT * FROM confirmations WHERE id = :id
