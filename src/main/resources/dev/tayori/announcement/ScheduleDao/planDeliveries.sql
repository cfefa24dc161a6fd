-- One delivery per confirmed subscriber in the segment, in an id range (batched transactions).
-- <segment> is one of SegmentQuery's fixed conditions; its values are bound parameters.
INSERT INTO deliveries (subscriber_id, campaign_id, item_key, step, state, message_id, attempts,
                        planned_at, due_at, next_attempt_at)
SELECT s.id, :campaignId, 'announcement', NULL, 'planned', '<' || :idPrefix || '.' || s.id || '@' || :idDomain || '>', 0,
       :at, :dueAt, :at
FROM subscribers s
WHERE s.id > :afterId AND s.id <= :upTo AND s.status = 'confirmed' AND <segment>
ON CONFLICT (subscriber_id, campaign_id, item_key) DO NOTHING
