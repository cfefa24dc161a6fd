-- When the mailing went out: its first and last sent mail (both empty before the first).
SELECT MIN(d.sent_at) AS firstSent, MAX(d.sent_at) AS lastSent FROM deliveries d
WHERE d.campaign_id = :campaignId AND <mailing> AND d.state = 'sent'
