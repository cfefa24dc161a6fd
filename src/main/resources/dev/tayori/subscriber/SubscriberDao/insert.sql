-- A new subscriber always starts pending: confirmation is a separate, recorded step.
INSERT INTO subscribers (email, email_key, name, status, time_zone, unsubscribe_token, created_at)
VALUES (:email, :emailKey, :name, :status, :timeZone, :token, :createdAt)
