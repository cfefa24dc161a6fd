-- Both rows of each pair as they are now: the operator decides which one stays by their status.
SELECT a.id AS first_id, a.email AS first_email, a.status AS first_status,
       b.id AS second_id, b.email AS second_email, b.status AS second_status
FROM address_duplicates d
JOIN subscribers a ON a.id = d.subscriber_id
JOIN subscribers b ON b.id = d.duplicate_id
ORDER BY a.id, b.id
