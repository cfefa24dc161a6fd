INSERT INTO confirmations (subscriber_id, token, created_at, expires_at)
VALUES (:subscriberId, :token, :createdAt, :expiresAt)
