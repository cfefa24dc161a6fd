-- A report per mailing (issue 14, item 4): one newsletter issue, one announcement, one lesson.

-- Unsubscribes through one mail's link. The unsubscribe link in each mail names its delivery
-- (signed, subscriber/UnsubscribeLinks); when that link's page or its one-click POST (RFC 8058) ends the
-- reader's mail, the delivery is written here. Only an unsubscribe that changed something counts,
-- once per mail: pressing the link again, or the link of an older mail after leaving, adds nothing.
-- scope: 'all' (every mail) or 'newsletter' (the newsletter only, the workbook kept);
-- via: 'page' (the button on the page) or 'one-click' (the mail program's own unsubscribe).
CREATE TABLE mail_unsubscribes (
    delivery_id BIGINT NOT NULL PRIMARY KEY REFERENCES deliveries (id),
    scope       TEXT   NOT NULL CHECK (scope IN ('all', 'newsletter')),
    via         TEXT   NOT NULL CHECK (via IN ('page', 'one-click')),
    at          BIGINT NOT NULL
);

-- "This issue's mail" is (campaign, item key): without an index, one issue's report read every
-- delivery the newsletter ever had (three issues a week to the whole list adds up to millions).
CREATE INDEX deliveries_mailing ON deliveries (campaign_id, item_key);
