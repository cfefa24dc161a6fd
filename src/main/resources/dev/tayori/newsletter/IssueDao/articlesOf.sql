SELECT * FROM issue_articles WHERE issue_id = :issueId ORDER BY position
