-- Back to planned with a later attempt time; the Message-ID stays, so a retry is the same mail.
UPDATE deliveries SET state = 'planned', next_attempt_at = :nextAttemptAt, last_error = :error,
                      lease_owner = NULL, lease_until = NULL
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
