-- A returning reader starts double opt-in again; the old instants stay until the new confirmation.
UPDATE subscribers SET status = 'pending', name = CASE WHEN :name = '' THEN name ELSE :name END
WHERE id = :id AND status IN ('pending', 'unsubscribed', 'bounced')
