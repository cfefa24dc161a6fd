-- No article is featured twice as "new", even when its published date changes in the feed.
SELECT DISTINCT a.url FROM issue_articles a JOIN issues i ON i.id = a.issue_id
WHERE i.campaign_id = :campaignId AND a.reread = FALSE AND a.url IN (<urls>)
