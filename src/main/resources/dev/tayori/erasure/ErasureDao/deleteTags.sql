DELETE FROM subscriber_tags WHERE subscriber_id = :id
