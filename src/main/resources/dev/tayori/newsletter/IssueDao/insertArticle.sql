INSERT INTO issue_articles (issue_id, position, url, title, published, excerpt, reread)
VALUES (:issueId, :position, :url, :title, :published, :excerpt, :reread)
