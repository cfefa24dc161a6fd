-- What happened to the mailing day by day from :since until :until: mail sent, clicks, unsubscribes
-- through its links and bounce reports. Days are the operator's: the offset shifts epoch milliseconds
-- before dividing. Grouped outside the union, so each bound value is written once (PostgreSQL
-- takes two copies of one expression with separate parameters for two expressions).
SELECT t.what AS what, t.day AS day, COUNT(*) AS n FROM (
    SELECT 'sent' AS what, (d.sent_at + :offsetMillis) / 86400000 AS day
    FROM deliveries d
    WHERE d.campaign_id = :campaignId AND <mailing> AND d.state = 'sent' AND d.sent_at >= :since AND d.sent_at < :until
    UNION ALL
    SELECT 'clicks' AS what, (c.clicked_at + :offsetMillis) / 86400000 AS day
    FROM clicks c JOIN deliveries d ON d.id = c.delivery_id
    WHERE d.campaign_id = :campaignId AND <mailing> AND c.clicked_at >= :since AND c.clicked_at < :until
    UNION ALL
    SELECT 'unsubscribed' AS what, (m.at + :offsetMillis) / 86400000 AS day
    FROM mail_unsubscribes m JOIN deliveries d ON d.id = m.delivery_id
    WHERE d.campaign_id = :campaignId AND <mailing> AND m.at >= :since AND m.at < :until
    UNION ALL
    SELECT 'bounced' AS what, (e.received_at + :offsetMillis) / 86400000 AS day
    FROM inbound_events e JOIN deliveries d ON d.id = e.delivery_id
    WHERE d.campaign_id = :campaignId AND <mailing> AND e.kind IN ('hard', 'soft')
      AND e.received_at >= :since AND e.received_at < :until
) AS t
GROUP BY t.what, t.day
ORDER BY t.day
