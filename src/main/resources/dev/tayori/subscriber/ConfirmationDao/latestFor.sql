-- The newest request decides whether a repeated sign-up may send another confirmation mail yet.
SELECT * FROM confirmations WHERE subscriber_id = :subscriberId ORDER BY created_at DESC, id DESC LIMIT 1
