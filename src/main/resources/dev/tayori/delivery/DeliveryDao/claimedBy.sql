-- What a claim just took (each claim has a name of its own), each row with its reader, in one read:
-- the senders then only read each reader's status again before the mail leaves. The columns are
-- listed because Claimed.Mapper reads them by position. A LEFT JOIN keeps a row whose reader is gone,
-- so that it can be cancelled with that reason.
SELECT d.id, d.subscriber_id, d.campaign_id, d.item_key, d.step, d.state, d.message_id, d.attempts,
       d.last_error, d.planned_at, d.due_at, d.next_attempt_at, d.lease_owner, d.lease_until, d.sent_at,
       d.finished_at,
       s.id, s.email, s.name, s.status, s.time_zone, s.unsubscribe_token, s.created_at, s.confirmed_at,
       s.unsubscribed_at, s.unsubscribe_source, s.bounced_at, s.bounce_reason
FROM deliveries d LEFT JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.lease_owner = :owner AND d.state = 'sending'
ORDER BY d.id
