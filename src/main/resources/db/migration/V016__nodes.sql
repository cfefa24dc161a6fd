-- Several tayori nodes on one database (issue 15).

-- Which node sent (or failed, or cancelled) a delivery: written in the same UPDATE that settles the
-- row, so `campaigns stats` can say how many each node sent. NULL on rows settled before this.
ALTER TABLE deliveries ADD COLUMN node_name TEXT;

-- Every process that sends (serve, and send-due while it runs), under its node.name. The name is the
-- key: a node restarted under its name takes its row over. `instance` tells two runs of one name
-- apart (a second process started with a name already in use is warned about). A heartbeat every 30
-- seconds keeps last_tick_at fresh; a node without one for 2 minutes, and not stopped, is gone.
-- files_fingerprint is a hash of the campaign files and templates the node has loaded: nodes that
-- disagree would send different mail, and the dashboard says so.
CREATE TABLE nodes (
    name              TEXT   NOT NULL PRIMARY KEY,
    instance          TEXT   NOT NULL,
    command           TEXT   NOT NULL,
    started_at        BIGINT NOT NULL,
    last_tick_at      BIGINT NOT NULL,
    last_run_at       BIGINT,
    files_fingerprint TEXT   NOT NULL,
    stopped_at        BIGINT
);
