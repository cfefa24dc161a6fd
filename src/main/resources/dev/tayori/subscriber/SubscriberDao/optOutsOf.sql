SELECT campaign_kind FROM campaign_opt_outs WHERE subscriber_id = :subscriberId ORDER BY campaign_kind
