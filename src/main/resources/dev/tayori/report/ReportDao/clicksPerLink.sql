-- Clicks on the mailing per link: readers (mails) who clicked it, and clicks in all.
SELECT l.url AS url, COUNT(DISTINCT c.delivery_id) AS uniques, COUNT(*) AS total
FROM clicks c JOIN deliveries d ON d.id = c.delivery_id JOIN click_links l ON l.id = c.link_id
WHERE d.campaign_id = :campaignId AND <mailing>
GROUP BY l.url
ORDER BY total DESC, l.url
