SELECT * FROM deliveries WHERE subscriber_id = :subscriberId ORDER BY planned_at, id
