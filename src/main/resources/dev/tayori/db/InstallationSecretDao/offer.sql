-- First one wins: two processes starting at once keep one key.
INSERT INTO installation_secrets (name, secret, created_at) VALUES (:name, :secret, :at) ON CONFLICT (name) DO NOTHING
