-- Clicks on the mailing: readers (mails) who clicked any link, and clicks in all.
SELECT COUNT(DISTINCT c.delivery_id) AS uniques, COUNT(*) AS total
FROM clicks c JOIN deliveries d ON d.id = c.delivery_id
WHERE d.campaign_id = :campaignId AND <mailing>
