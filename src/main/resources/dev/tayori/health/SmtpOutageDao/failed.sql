-- A run could not use the server. The first failure's instant stays (the warning's "since") until a run
-- reaches the server again; the server and the reason follow the latest failure (a login refused after
-- the host was fixed is what the operator must act on now).
INSERT INTO smtp_outage (id, server, reason, since) VALUES (1, :server, :reason, :at)
ON CONFLICT (id) DO UPDATE SET server = excluded.server, reason = excluded.reason
