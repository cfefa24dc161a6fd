DELETE FROM enrollments WHERE subscriber_id = :id
