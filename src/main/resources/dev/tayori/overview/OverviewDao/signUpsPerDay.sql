-- Sign-ups per local day: the offset shifts epoch milliseconds into the operator's time zone.
SELECT (created_at + :offsetMillis) / 86400000 AS day, COUNT(*) AS n FROM subscribers
WHERE created_at >= :since GROUP BY day ORDER BY day
