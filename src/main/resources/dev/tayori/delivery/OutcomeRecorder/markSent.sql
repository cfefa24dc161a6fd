-- Written after the server's 250 reply to the message data, and only by the lease holder, only for
-- a row still being sent, with the node that sent it. JDBC's positional parameters (sent_at,
-- finished_at, node_name, id, lease owner): the recorder binds and batches them straight on its
-- connection, since the DAO layer's binding cost more than the update.
UPDATE deliveries SET state = 'sent', sent_at = ?, finished_at = ?, node_name = ?, lease_owner = NULL,
                      lease_until = NULL, last_error = NULL
WHERE id = ? AND lease_owner = ? AND state = 'sending'
