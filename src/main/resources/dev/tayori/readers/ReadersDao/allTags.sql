-- The tags in use, for the filter's choice list.
SELECT DISTINCT tag FROM subscriber_tags ORDER BY tag
