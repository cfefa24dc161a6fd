-- failed or cancelled: final, with the reason the operator will read and the node that decided it.
UPDATE deliveries SET state = :state, finished_at = :at, last_error = :error, node_name = :node,
                      lease_owner = NULL, lease_until = NULL
WHERE id = :id AND lease_owner = :owner AND state = 'sending'
