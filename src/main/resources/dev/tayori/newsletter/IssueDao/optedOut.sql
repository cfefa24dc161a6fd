SELECT EXISTS (SELECT 1 FROM campaign_opt_outs WHERE subscriber_id = :subscriberId AND campaign_kind = :kind)
