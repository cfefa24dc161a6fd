-- Run inside the publishing transaction (SQLite takes the write lock at BEGIN IMMEDIATE), so two
-- publishers cannot take the same number; the primary key would refuse it anyway.
SELECT COALESCE(MAX(revision), 0) + 1 FROM authored_revisions WHERE campaign_id = :campaignId AND step = :step
