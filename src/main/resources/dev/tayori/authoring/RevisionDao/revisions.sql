-- A mail's history, the first publish first.
SELECT campaign_id, step, revision, kind, subject, preheader, body, note, published_at, restored_from
FROM authored_revisions WHERE campaign_id = :campaignId AND step = :step ORDER BY revision
