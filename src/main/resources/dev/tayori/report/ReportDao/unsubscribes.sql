-- Unsubscribes through the links of this mailing (table mail_unsubscribes), and how many of them
-- stopped only the newsletter.
SELECT COUNT(*) AS total, COUNT(CASE WHEN m.scope = 'newsletter' THEN 1 END) AS newsletterOnly
FROM mail_unsubscribes m JOIN deliveries d ON d.id = m.delivery_id
WHERE d.campaign_id = :campaignId AND <mailing>
