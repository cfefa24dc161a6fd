-- Issue 15 item 3: sending limits and admin sign-in that hold for every process on this database.

-- The sending limits (smtp.rate-per-second, smtp.window, smtp.domain-limits) as rings of slots, one
-- ring per limit and one slot per mail the limit allows in its period: a limit of 1000/1h is 1000
-- rows. A slot holds the instant its last mail was counted; it is free again once that instant is a
-- period old, so the ring is the sliding window "the last 1000 sends" that every process shares and
-- a restart does not forget. A ring never grows past its limit, so nothing accumulates.
CREATE TABLE send_slots (
    limit_name TEXT    NOT NULL, -- 'rate', 'window', 'domain:docomo.ne.jp'
    slot       INTEGER NOT NULL, -- 0 to the limit's count - 1
    taken_at   BIGINT  NOT NULL, -- when its last mail counts as sent (0: never)
    earlier_at BIGINT  NOT NULL, -- taken_at before the last reservation, restored if it goes unused
    holder     TEXT,             -- the reservation (process#number) that took it last
    PRIMARY KEY (limit_name, slot)
);
-- "the oldest slots of this ring": what a reservation takes, and when the next one frees
CREATE INDEX send_slots_oldest ON send_slots (limit_name, taken_at);

-- Signed-in admin browsers, so that any process behind a load balancer knows them and signing out
-- ends a session everywhere. The cookie's value is kept only as its SHA-256: a copy of the database
-- does not sign anyone in.
CREATE TABLE admin_sessions (
    session_hash TEXT   PRIMARY KEY,
    csrf         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);

-- Sign-in attempts of the last minute, per address, for the limit on guessing the password. A row
-- lives a minute: the address is not kept longer than the limit needs it.
CREATE TABLE sign_in_attempts (
    attempt      TEXT   PRIMARY KEY, -- random, one per attempt
    address      TEXT   NOT NULL,
    attempted_at BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_by_address ON sign_in_attempts (address, attempted_at);
CREATE INDEX sign_in_attempts_age ON sign_in_attempts (attempted_at);
