-- The operator undoes a bounce they know was wrong (a relay's outage, a forged report): the reader
-- goes back to where they were, confirmed if they had confirmed; only a bounced row moves.
UPDATE subscribers SET status = CASE WHEN confirmed_at IS NULL THEN 'pending' ELSE 'confirmed' END,
    bounced_at = NULL, bounce_reason = NULL
WHERE id = :id AND status = 'bounced'
