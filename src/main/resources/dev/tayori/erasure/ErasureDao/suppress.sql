-- Erasing an address erased before (it signed up again) keeps the first instant.
INSERT INTO suppressions (address_hash, added_at) VALUES (:hash, :at) ON CONFLICT (address_hash) DO NOTHING
