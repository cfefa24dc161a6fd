SELECT * FROM enrollments WHERE subscriber_id = :subscriberId AND sequence_id = :sequenceId
