-- Every revision of every mail of a campaign, by step then number (GET /api/campaigns/ID/revisions).
SELECT campaign_id, step, revision, kind, subject, preheader, body, note, published_at, restored_from
FROM authored_revisions WHERE campaign_id = :campaignId ORDER BY step, revision
