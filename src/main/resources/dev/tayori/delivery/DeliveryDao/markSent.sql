-- Written after the server's 250 reply to the message data, and only by the lease holder.
UPDATE deliveries SET state = 'sent', sent_at = :at, finished_at = :at, lease_owner = NULL, lease_until = NULL,
                      last_error = NULL
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
