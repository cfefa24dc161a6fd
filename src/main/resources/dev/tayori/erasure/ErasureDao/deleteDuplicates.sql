DELETE FROM address_duplicates WHERE subscriber_id = :id OR duplicate_id = :id
