-- Every tag in use with its confirmed readers, in one pass (a tag whose readers all left counts 0,
-- and is still listed: the operator tagged them and may wonder where it went).
SELECT t.tag AS tag, SUM(CASE WHEN s.status = 'confirmed' THEN 1 ELSE 0 END) AS n
FROM subscriber_tags t JOIN subscribers s ON s.id = t.subscriber_id
GROUP BY t.tag
ORDER BY t.tag
