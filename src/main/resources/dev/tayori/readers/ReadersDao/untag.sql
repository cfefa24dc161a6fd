-- Taking a tag off that is not there is harmless.
DELETE FROM subscriber_tags WHERE subscriber_id = :subscriberId AND tag = :tag
