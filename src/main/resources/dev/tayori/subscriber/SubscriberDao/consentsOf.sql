SELECT * FROM consent_records WHERE subscriber_id = :subscriberId ORDER BY at, id
