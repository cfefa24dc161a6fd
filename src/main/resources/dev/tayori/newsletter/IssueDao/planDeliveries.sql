-- One delivery per subscriber confirmed by the slot's time, in id ranges so a list of 100,000 is
-- planned in batched transactions. Message-IDs are derived from the issue and the subscriber: unique,
-- and the same for every retry. Readers who stopped the newsletter only are left out.
INSERT INTO deliveries (subscriber_id, campaign_id, item_key, step, state, message_id, attempts,
                        planned_at, due_at, next_attempt_at)
SELECT s.id, :campaignId, :itemKey, NULL, 'planned', '<' || :idPrefix || '.' || s.id || '@' || :idDomain || '>', 0,
       :at, :slotAt, :at
FROM subscribers s
WHERE s.id > :afterId AND s.id <= (SELECT MAX(id) FROM (SELECT id FROM subscribers WHERE id > :afterId
                                                        ORDER BY id LIMIT :batch) AS b)
  AND s.status = 'confirmed' AND s.confirmed_at <= :slotAt
  AND NOT EXISTS (SELECT 1 FROM campaign_opt_outs o WHERE o.subscriber_id = s.id AND o.campaign_kind = 'newsletter')
ON CONFLICT (subscriber_id, campaign_id, item_key) DO NOTHING
