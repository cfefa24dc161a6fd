-- Bounce reports and complaints about the mailing, counted per mail (a mail reported twice, say soft
-- and then hard, is one bounced mail). Reports that named no mail of ours cannot count for a mailing.
SELECT COUNT(DISTINCT CASE WHEN e.kind IN ('hard', 'soft') THEN e.delivery_id END) AS bounced,
       COUNT(DISTINCT CASE WHEN e.kind = 'hard' THEN e.delivery_id END) AS hard,
       COUNT(DISTINCT CASE WHEN e.kind = 'complaint' THEN e.delivery_id END) AS complaints
FROM inbound_events e JOIN deliveries d ON d.id = e.delivery_id
WHERE d.campaign_id = :campaignId AND <mailing>
