-- The failure of the feed set now, if it is failing; rows of addresses no longer set are not shown.
SELECT reason, http_status, since FROM feed_failures WHERE feed = :feed
