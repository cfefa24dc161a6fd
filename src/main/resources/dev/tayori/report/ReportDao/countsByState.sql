-- One mailing's mail by state (planned, sending, sent, failed, cancelled).
SELECT d.state AS state, COUNT(*) AS n FROM deliveries d
WHERE d.campaign_id = :campaignId AND <mailing>
GROUP BY d.state
