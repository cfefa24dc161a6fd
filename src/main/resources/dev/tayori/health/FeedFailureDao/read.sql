-- The feed was read: whatever failed before is over.
DELETE FROM feed_failures WHERE feed = :feed
