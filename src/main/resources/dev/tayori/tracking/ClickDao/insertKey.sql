-- The first node to need a key stores it; another node racing it keeps the one that won.
INSERT INTO click_keys (id, secret) VALUES (1, :secret) ON CONFLICT (id) DO NOTHING
