SELECT tag FROM subscriber_tags WHERE subscriber_id = :subscriberId ORDER BY tag
