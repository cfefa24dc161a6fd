-- Keeps the first unsubscribe instant when repeated (one-click unsubscribe may be retried).
UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = :at, unsubscribe_source = :source
WHERE id = :id AND status IN ('pending', 'confirmed')
