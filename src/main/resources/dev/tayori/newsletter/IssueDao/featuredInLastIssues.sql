-- The re-read pick avoids whatever the last few issues featured, new or re-read.
SELECT DISTINCT a.url FROM issue_articles a
WHERE a.issue_id IN (SELECT id FROM issues WHERE campaign_id = :campaignId AND state = 'planned'
                     ORDER BY slot_at DESC LIMIT :issues)
