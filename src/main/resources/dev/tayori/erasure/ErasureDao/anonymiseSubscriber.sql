-- The row stays as an anonymous placeholder (deliveries and bounce events point at it, NOT NULL, and
-- the reports count them); the address, name, token and bounce words go. 'erased:<id>' keeps
-- email_key and unsubscribe_token unique and matches no address (no '@') and no token (Tokens are
-- base64url). Unsubscribed, so no planner or sender picks it up again.
UPDATE subscribers
SET email = '', email_key = 'erased:' || id, name = '', unsubscribe_token = 'erased:' || id,
    status = 'unsubscribed', unsubscribed_at = COALESCE(unsubscribed_at, :at), unsubscribe_source = 'erased',
    bounce_reason = NULL, erased_at = :at
WHERE id = :id AND erased_at IS NULL
