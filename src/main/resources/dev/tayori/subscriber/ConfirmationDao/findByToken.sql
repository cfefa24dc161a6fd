SELECT * FROM confirmations WHERE token = :token
