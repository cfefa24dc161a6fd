-- markSent for the recorder's group commits, with JDBC's positional parameters (sent_at, finished_at,
-- id, lease owner): bound and batched straight on the connection, since the DAO layer's binding
-- cost more than the update. Same rule as DeliveryDao/markSent.sql: only the lease holder, only
-- a row still being sent.
UPDATE deliveries SET state = 'sent', sent_at = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL,
                      last_error = NULL
WHERE id = ? AND lease_owner = ? AND state = 'sending'
