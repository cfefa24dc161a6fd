-- Days are counted in the operator's time zone: the offset shifts epoch milliseconds before dividing.
SELECT (sent_at + :offsetMillis) / 86400000 AS day, COUNT(*) AS n FROM deliveries
WHERE campaign_id = :campaignId AND state = 'sent' GROUP BY day ORDER BY day
