-- A reader's bounces, complaints, auto-replies and undone bounces, oldest first, as the pages list them.
SELECT * FROM inbound_events WHERE subscriber_id = :subscriberId ORDER BY received_at, id
