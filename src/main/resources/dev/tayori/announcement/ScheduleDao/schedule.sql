-- Scheduling again before the send moves the time and segment; once planned, the row stays as it
-- is, so an announcement cannot go out twice.
INSERT INTO announcement_schedules (campaign_id, send_at, segment, state, scheduled_at, message_id_prefix)
VALUES (:campaignId, :sendAt, :segment, 'scheduled', :at, :prefix)
ON CONFLICT (campaign_id) DO UPDATE SET send_at = excluded.send_at, segment = excluded.segment,
    scheduled_at = excluded.scheduled_at, state = 'scheduled', reason = NULL
WHERE announcement_schedules.state IN ('scheduled', 'skipped')
