SELECT * FROM enrollments WHERE subscriber_id = :subscriberId ORDER BY enrolled_at, id
