-- How many lines the failure list has in all (the page shows the first of them).
SELECT (SELECT COUNT(*) FROM deliveries d WHERE d.campaign_id = :campaignId AND <mailing> AND d.state = 'failed')
     + (SELECT COUNT(*) FROM inbound_events e JOIN deliveries d ON d.id = e.delivery_id
        WHERE d.campaign_id = :campaignId AND <mailing> AND e.kind IN ('hard', 'soft')) AS n
