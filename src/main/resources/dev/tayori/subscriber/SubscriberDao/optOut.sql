-- Repeating the same opt-out keeps the first one.
INSERT INTO campaign_opt_outs (subscriber_id, campaign_kind, at, source)
VALUES (:subscriberId, :kind, :at, :source)
ON CONFLICT (subscriber_id, campaign_kind) DO NOTHING
