-- Their source may carry the reader's IP.
DELETE FROM campaign_opt_outs WHERE subscriber_id = :id
