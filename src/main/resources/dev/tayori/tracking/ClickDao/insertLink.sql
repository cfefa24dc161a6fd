-- A link is stored once, whichever mail or node puts it behind /r/ first.
INSERT INTO click_links (url) VALUES (:url) ON CONFLICT (url) DO NOTHING
