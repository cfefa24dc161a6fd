-- A read of the feed failed. Its first failure's instant stays (the warning's "since") until a read
-- succeeds; the reason follows the latest failure (a 500 that became broken XML is broken XML now).
INSERT INTO feed_failures (feed, reason, http_status, since) VALUES (:feed, :reason, CAST(:status AS INTEGER), :at)
ON CONFLICT (feed) DO UPDATE SET reason = excluded.reason, http_status = excluded.http_status
