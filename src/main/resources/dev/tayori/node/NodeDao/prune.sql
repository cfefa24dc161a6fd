-- Without a node.name, every run of send-due from cron is a node of its own (host and process id):
-- rows of nodes stopped a day ago, or silent for a week, go when a node starts.
DELETE FROM nodes WHERE (stopped_at IS NOT NULL AND stopped_at < :stoppedBefore) OR last_tick_at < :silentBefore
