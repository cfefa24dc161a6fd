-- "Keep the workbook, stop the newsletter": an opt-out from one kind of campaign, short of a full
-- unsubscribe. Checked at send time like every other eligibility rule.
CREATE TABLE campaign_opt_outs (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    campaign_kind TEXT   NOT NULL,
    at            BIGINT NOT NULL,
    source        TEXT   NOT NULL,
    PRIMARY KEY (subscriber_id, campaign_kind)
);
