-- The operator brings back a reader who unsubscribed and asked again another way (a phone call, a
-- letter): only an unsubscribed row that had confirmed moves, back to confirmed; the reason is kept
-- as a consent record by the caller.
UPDATE subscribers SET status = 'confirmed', unsubscribed_at = NULL, unsubscribe_source = NULL
WHERE id = :id AND status = 'unsubscribed' AND confirmed_at IS NOT NULL
