-- The revision the next sends use, read when a mailing renders its mail (and cached briefly).
SELECT r.campaign_id, r.step, r.revision, r.kind, r.subject, r.preheader, r.body, r.note, r.published_at, r.restored_from
FROM authored_mails m JOIN authored_revisions r
  ON r.campaign_id = m.campaign_id AND r.step = m.step AND r.revision = m.live_revision
WHERE m.campaign_id = :campaignId AND m.step = :step
