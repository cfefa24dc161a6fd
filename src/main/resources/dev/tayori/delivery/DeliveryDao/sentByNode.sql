-- `campaigns stats`: how many of a campaign's mails each node sent. Rows sent before node names were
-- recorded (migration V016) have none and are counted under ''.
SELECT COALESCE(node_name, '') AS node, COUNT(*) AS n FROM deliveries
WHERE campaign_id = :campaignId AND state = 'sent'
GROUP BY COALESCE(node_name, '')
ORDER BY node
