-- Only a pending subscriber can be confirmed; the status check makes a double confirm a no-op.
UPDATE subscribers SET status = 'confirmed', confirmed_at = :at
WHERE id = :id AND status = 'pending'
