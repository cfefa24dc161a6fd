-- Every added step with its live subject, in step order: the sequences are extended with them.
SELECT a.sequence_id, a.step, r.subject
FROM added_steps a
LEFT JOIN authored_mails m ON m.campaign_id = a.sequence_id AND m.step = a.step
LEFT JOIN authored_revisions r ON r.campaign_id = a.sequence_id AND r.step = a.step AND r.revision = m.live_revision
ORDER BY a.sequence_id, a.step
