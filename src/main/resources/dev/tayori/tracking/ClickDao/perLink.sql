-- A campaign's clicks per link: total clicks, and unique ones (mails in which the link was clicked
-- at least once, i.e. readers, as each reader gets a campaign's mail once).
SELECT l.url, COUNT(DISTINCT c.delivery_id) AS uniques, COUNT(*) AS total
FROM clicks c
JOIN deliveries d ON d.id = c.delivery_id
JOIN click_links l ON l.id = c.link_id
WHERE d.campaign_id = :campaignId
GROUP BY l.url
ORDER BY total DESC, l.url
