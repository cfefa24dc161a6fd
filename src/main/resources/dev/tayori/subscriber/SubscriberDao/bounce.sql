-- A hard bounce stops all mail to the address until it signs up again.
UPDATE subscribers SET status = 'bounced', bounced_at = :at, bounce_reason = :reason
WHERE id = :id AND status IN ('pending', 'confirmed')
