-- The id a token carries for this link.
SELECT id FROM click_links WHERE url = :url
