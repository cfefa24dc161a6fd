-- Browser-made announcements with their live subject, oldest first, as the campaign list shows them.
SELECT a.campaign_id, a.name, a.segment, a.created_at, r.subject
FROM authored_announcements a
LEFT JOIN authored_mails m ON m.campaign_id = a.campaign_id AND m.step = 0
LEFT JOIN authored_revisions r ON r.campaign_id = m.campaign_id AND r.step = 0 AND r.revision = m.live_revision
ORDER BY a.created_at, a.campaign_id
